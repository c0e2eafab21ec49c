// Issues and verifies the platform's access tokens: short-lived ES256 JWTs with sub, roles, type, jti, sid, iss.
import { randomUUID } from 'node:crypto';
import { UnauthenticatedError } from '@ecommerce/common/errors';
import type { JwtVerifier, Principal } from '@ecommerce/common/http';
import { jwtVerify, SignJWT, type JWTPayload } from 'jose';
import { SIGNING_ALGORITHM, type SigningKeyStore } from './signing-keys.js';

export type AccountType = 'customer' | 'staff' | 'service';

export interface AccessClaims {
  sub: string;
  roles: string[];
  type: AccountType;
  /** Session (refresh family) id: logout with the access token alone can revoke the session. */
  sid?: string;
}

export interface IssuedAccessToken {
  token: string;
  jti: string;
  expiresAt: Date;
}

export interface VerifiedAccessToken extends AccessClaims {
  jti: string;
  expiresAt: Date;
  issuedAt: Date;
}

export interface AccessTokenSettings {
  issuer: string;
  audience?: string;
  ttlSeconds: number;
}

/** Whether a well-signed, unexpired token was revoked since (logout, password change, stolen session). */
export interface RevocationCheck {
  isRevoked(token: VerifiedAccessToken): Promise<boolean>;
}

export class AccessTokens {
  constructor(
    private readonly keys: SigningKeyStore,
    private readonly revocation: RevocationCheck,
    private readonly settings: AccessTokenSettings,
  ) {}

  get ttlSeconds(): number {
    return this.settings.ttlSeconds;
  }

  async issue(claims: AccessClaims, ttlSeconds = this.settings.ttlSeconds): Promise<IssuedAccessToken> {
    const { kid, privateKey } = await this.keys.activeKey();
    const jti = randomUUID();
    const issuedAt = Math.floor(Date.now() / 1000);
    const payload: JWTPayload = { roles: claims.roles, type: claims.type, ...(claims.sid ? { sid: claims.sid } : {}) };
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid, typ: 'JWT' })
      .setSubject(claims.sub)
      .setIssuer(this.settings.issuer)
      .setJti(jti)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + ttlSeconds);
    if (this.settings.audience) jwt.setAudience(this.settings.audience);
    return { token: await jwt.sign(privateKey), jti, expiresAt: new Date((issuedAt + ttlSeconds) * 1000) };
  }

  /**
   * Signature by a published key (ES256 only: `none`, HMAC and any other algorithm are refused), issuer,
   * audience, expiry, and a jti that was not revoked. Throws UnauthenticatedError.
   */
  async verify(token: string): Promise<VerifiedAccessToken> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(
        token,
        async (header) => {
          const key = header.kid ? await this.keys.verificationKey(header.kid) : undefined;
          if (!key) throw new UnauthenticatedError('unknown signing key');
          return key;
        },
        { algorithms: [SIGNING_ALGORITHM], issuer: this.settings.issuer, audience: this.settings.audience },
      ));
    } catch (err) {
      if (err instanceof UnauthenticatedError) throw err;
      throw new UnauthenticatedError((err as { code?: string }).code === 'ERR_JWT_EXPIRED' ? 'token expired' : 'invalid token');
    }
    const claims = toVerified(payload);
    if (await this.revocation.isRevoked(claims)) throw new UnauthenticatedError('token revoked');
    return claims;
  }

  /** The same checks as a JwtVerifier, for the auth service's own protected routes. */
  asVerifier(): JwtVerifier {
    return {
      verify: async (token): Promise<Principal> => {
        const claims = await this.verify(token);
        return { sub: claims.sub, roles: claims.roles, type: claims.type };
      },
    };
  }
}

function toVerified(payload: JWTPayload): VerifiedAccessToken {
  const { sub, jti, exp, iat } = payload;
  if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || typeof iat !== 'number') {
    throw new UnauthenticatedError('invalid token');
  }
  const type = payload.type;
  if (type !== 'customer' && type !== 'staff' && type !== 'service') throw new UnauthenticatedError('invalid token');
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  const sid = typeof payload.sid === 'string' ? payload.sid : undefined;
  return { sub, roles, type, jti, expiresAt: new Date(exp * 1000), issuedAt: new Date(iat * 1000), ...(sid ? { sid } : {}) };
}
