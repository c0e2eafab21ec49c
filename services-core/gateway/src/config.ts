import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';

const count = (fallback: number) => z.coerce.number().int().min(1).max(1_000_000).default(fallback);
const millis = (fallback: number) => z.coerce.number().int().min(1).max(600_000).default(fallback);

// The gateway owns no data: no DATABASE_URL. Upstream locations (CATALOG_URL, AUTH_URL, CUSTOMER_URL,
// <SERVICE>_GRPC_ADDRESS) are read from the environment by name, see upstreams.ts and transcode/http-rules.ts.
export const gatewayEnv = baseEnv.omit({ DATABASE_URL: true, DATABASE_POOL_MAX: true }).extend({
  HTTP_PORT: port(8080),
  /** Requests per client per window on every /api route, and on /api/v1/auth (login, register). */
  RATE_LIMIT_PER_MINUTE: count(600),
  RATE_LIMIT_AUTH_PER_MINUTE: count(20),
  RATE_LIMIT_WINDOW_MS: millis(60_000),
  /** Deadline of a transcoded gRPC call. */
  GRPC_DEADLINE_MS: millis(5_000),
  /** Consecutive upstream failures that open its circuit, and how long it stays open before a probe. */
  CIRCUIT_FAILURE_THRESHOLD: count(5),
  CIRCUIT_OPEN_MS: millis(10_000),
  /** How long /readyz waits for each upstream. */
  READINESS_TIMEOUT_MS: millis(2_000),
  /** Proxies in front of the gateway (a load balancer: 1) whose X-Forwarded-For is believed for the client address rate limits count by. */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

export type GatewayConfig = z.infer<typeof gatewayEnv>;
