// Which access tokens the edge accepts: those signed by a key in the auth service's JWKS (JWT_JWKS_URL, or by
// default <AUTH_URL>/.well-known/jwks.json) and those signed by JWT_PUBLIC_KEY (a fixed key: tests, or the
// development token `make dev` prints). Either is enough; with neither, every token is refused.
import { createJwtVerifier, refusingVerifier, type JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { GatewayConfig } from '../config.js';

export function edgeVerifier(config: GatewayConfig, env: Record<string, string | undefined>, logger: Logger): JwtVerifier {
  const claims = { ...(config.JWT_ISSUER ? { issuer: config.JWT_ISSUER } : {}), ...(config.JWT_AUDIENCE ? { audience: config.JWT_AUDIENCE } : {}) };
  const jwksUrl = config.JWT_JWKS_URL ?? (env.AUTH_URL ? new URL('/.well-known/jwks.json', env.AUTH_URL).href : undefined);
  // The fixed key first: it is checked locally, while a JWKS miss may cost a fetch.
  const verifiers = [
    ...(config.JWT_PUBLIC_KEY ? [createJwtVerifier({ publicKey: config.JWT_PUBLIC_KEY, ...claims })] : []),
    ...(jwksUrl ? [createJwtVerifier({ jwksUrl, ...claims })] : []),
  ];
  if (verifiers.length === 0) {
    logger.warn('no JWT_JWKS_URL, AUTH_URL or JWT_PUBLIC_KEY: every request carrying a token, and every protected route, gets 401');
    return refusingVerifier;
  }
  if (verifiers.length === 1) return verifiers[0]!;
  return {
    async verify(token) {
      let failure: unknown;
      for (const verifier of verifiers) {
        try {
          return await verifier.verify(token);
        } catch (err) {
          failure = err;
        }
      }
      throw failure;
    },
  };
}
