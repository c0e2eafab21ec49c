// Verifies access tokens issued by the auth service: asymmetric signatures only, from a JWKS URL or a public key.
import { createPublicKey, type KeyObject } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { UnauthenticatedError } from '../errors/app-error.js';

export interface Principal {
  sub: string;
  roles: string[];
  /** `customer` or `staff`, as the auth service sets it. */
  type?: string;
}

export interface JwtVerifier {
  verify(token: string): Promise<Principal>;
}

export interface JwtVerifierSettings {
  jwksUrl?: string;
  /** PEM (SPKI) public key, for a deployment without a JWKS endpoint and for tests. */
  publicKey?: string;
  /** The `iss` a token must carry; one of them when several issuers are trusted. */
  issuer?: string | string[];
  audience?: string;
}

/** `none` and the HMAC family are never accepted: a public key must not double as a shared secret. */
const ASYMMETRIC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export function createJwtVerifier(settings: JwtVerifierSettings): JwtVerifier {
  const keys = resolveKeys(settings);
  return {
    async verify(token) {
      let failure: unknown;
      for (const key of keys) {
        try {
          const { payload } = await verifyWith(key, token, settings);
          return toPrincipal(payload);
        } catch (err) {
          // A key whose signature checked out decides: an expired token stays expired whatever the next key says.
          if (SIGNATURE_ACCEPTED.has((err as { code?: string }).code ?? '')) throw new UnauthenticatedError(describeJoseFailure(err));
          failure = err;
        }
      }
      throw new UnauthenticatedError(describeJoseFailure(failure));
    },
  };
}

/** jose raises these only after the signature verified: the claims (expiry, issuer, audience, shape) failed. */
const SIGNATURE_ACCEPTED = new Set(['ERR_JWT_EXPIRED', 'ERR_JWT_CLAIM_VALIDATION_FAILED', 'ERR_JWT_INVALID']);

export interface JwtEnv {
  JWT_JWKS_URL?: string | undefined;
  JWT_PUBLIC_KEY?: string | undefined;
  JWT_ISSUER?: string | undefined;
  JWT_AUDIENCE?: string | undefined;
}

/**
 * The verifier a service's configuration asks for (baseEnv's JWT_* variables). With no key at all the service
 * still starts, warns once, and refuses every token with 401. JWT_ISSUER lists the trusted issuers, comma-separated
 * (`make dev` trusts the auth service and the development key); without it any issuer passes, with a warning.
 */
export function verifierFromEnv(env: JwtEnv, warn: (message: string) => void): JwtVerifier {
  if (!env.JWT_JWKS_URL && !env.JWT_PUBLIC_KEY) {
    warn('neither JWT_JWKS_URL nor JWT_PUBLIC_KEY is set: every token, and so every protected route, is refused with 401');
    return refusingVerifier;
  }
  const issuers = (env.JWT_ISSUER ?? '').split(',').map((i) => i.trim()).filter(Boolean);
  if (issuers.length === 0) warn('JWT_ISSUER is not set: tokens of any issuer are accepted if their signature verifies');
  return createJwtVerifier({
    jwksUrl: env.JWT_JWKS_URL,
    publicKey: env.JWT_PUBLIC_KEY,
    ...(issuers.length > 0 ? { issuer: issuers } : {}),
    audience: env.JWT_AUDIENCE,
  });
}

/** For a service configured without any key: every protected route answers 401 instead of crashing at start. */
export const refusingVerifier: JwtVerifier = {
  async verify() {
    throw new UnauthenticatedError('token verification is not configured');
  },
};

type Key = KeyObject | JWTVerifyGetKey;

/**
 * With both configured (the embedded runner trusts the auth service's keys and its own development key), the
 * public key goes first: it is checked locally, while a JWKS miss may cost a fetch.
 */
function resolveKeys(settings: JwtVerifierSettings): Key[] {
  const keys: Key[] = [];
  if (settings.publicKey) keys.push(createPublicKey(settings.publicKey.replace(/\\n/g, '\n')));
  if (settings.jwksUrl) keys.push(createRemoteJWKSet(new URL(settings.jwksUrl), { cooldownDuration: 30_000 }));
  if (keys.length === 0) throw new Error('createJwtVerifier needs jwksUrl or publicKey');
  return keys;
}

function verifyWith(key: Key, token: string, settings: JwtVerifierSettings) {
  const options = { issuer: settings.issuer, audience: settings.audience, algorithms: ASYMMETRIC_ALGORITHMS };
  return typeof key === 'function' ? jwtVerify(token, key, options) : jwtVerify(token, key, options);
}

function toPrincipal(payload: JWTPayload): Principal {
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new UnauthenticatedError('token has no subject');
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  const type = typeof payload.type === 'string' ? payload.type : undefined;
  return type ? { sub: payload.sub, roles, type } : { sub: payload.sub, roles };
}

function describeJoseFailure(err: unknown): string {
  const code = (err as { code?: string }).code;
  if (code === 'ERR_JWT_EXPIRED') return 'token expired';
  return 'invalid token';
}

/** The bearer token of an `Authorization` header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1];
}
