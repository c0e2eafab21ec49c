// The auth service's environment: 12-factor, validated at start-up (a bad value names its variable).
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';
import { z } from 'zod';

const seconds = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).max(10_000).default(fallback);

export const authEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8000),
  /** `iss` of every access token; verifiers may pin it with JWT_ISSUER. */
  AUTH_ISSUER: z.string().min(1).default('ecommerce-auth'),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  ACCESS_TOKEN_TTL_SECONDS: seconds(900, 86_400),
  REFRESH_TOKEN_TTL_SECONDS: seconds(30 * 86_400, 365 * 86_400),
  PASSWORD_RESET_TTL_SECONDS: seconds(3_600, 7 * 86_400),
  EMAIL_VERIFICATION_TTL_SECONDS: seconds(7 * 86_400, 30 * 86_400),
  INVITATION_TTL_SECONDS: seconds(7 * 86_400, 30 * 86_400),
  MFA_CHALLENGE_TTL_SECONDS: seconds(300, 3_600),
  /** Consecutive failed logins before the account locks, and for how long. */
  LOCKOUT_THRESHOLD: count(5),
  LOCKOUT_SECONDS: seconds(900, 86_400),
  /** Attempts per window on login and password reset, counted per client IP and per account. */
  RATE_LIMIT_WINDOW_SECONDS: seconds(60, 86_400),
  LOGIN_RATE_LIMIT_PER_IP: count(30),
  LOGIN_RATE_LIMIT_PER_ACCOUNT: count(10),
  RESET_RATE_LIMIT_PER_IP: count(10),
  RESET_RATE_LIMIT_PER_ACCOUNT: count(3),
  /** Signing key age after which a new key takes over (0: never rotate automatically). */
  SIGNING_KEY_ROTATION_SECONDS: z.coerce.number().int().min(0).default(30 * 86_400),
  /** `host:port` of the user service's gRPC API, asked for a staff member's roles at login. */
  USER_GRPC_ADDRESS: z.string().regex(/^[^:\s]+:\d{1,5}$/, 'must be host:port').default('127.0.0.1:9001'),
  /** Services that may trade `name:secret` for a service token (POST /internal/service-token), comma-separated. */
  SERVICE_CLIENTS: z.string().default(''),
  SERVICE_TOKEN_TTL_SECONDS: seconds(300, 3_600),
  /** Express `trust proxy`: the number of proxies in front (the gateway), so rate limits see the client IP. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type AuthConfig = z.infer<typeof authEnv>;
