// Which access tokens the edge accepts: those signed by a key in the auth service's JWKS (JWT_JWKS_URL, or by
// default <AUTH_URL>/.well-known/jwks.json) and those signed by JWT_PUBLIC_KEY (a fixed key: tests, or the
// development token `make dev` prints). Either is enough; with neither, every token is refused.
import { verifierFromEnv, type JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { GatewayConfig } from '../config.js';

export function edgeVerifier(config: GatewayConfig, env: Record<string, string | undefined>, logger: Logger): JwtVerifier {
  const jwksUrl = config.JWT_JWKS_URL ?? (env.AUTH_URL ? new URL('/.well-known/jwks.json', env.AUTH_URL).href : undefined);
  return verifierFromEnv({ ...config, JWT_JWKS_URL: jwksUrl }, (message) => logger.warn(`${message} (nor AUTH_URL)`));
}
