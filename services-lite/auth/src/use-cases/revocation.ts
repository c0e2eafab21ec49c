// An access token stops working before its expiry when its jti was revoked (logout) or its session (refresh
// family) was revoked (logout elsewhere, password change or reset, refresh-token reuse).
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import type { RevokedTokenRepository } from '../repositories/revoked-token-repository.js';
import type { RevocationCheck, VerifiedAccessToken } from '../tokens/access-tokens.js';

export class SessionRevocation implements RevocationCheck {
  constructor(
    private readonly revokedJtis: RevokedTokenRepository,
    private readonly refreshTokens: RefreshTokenRepository,
  ) {}

  async isRevoked(token: VerifiedAccessToken): Promise<boolean> {
    if (await this.revokedJtis.isRevoked(token.jti)) return true;
    return token.sid !== undefined && (await this.refreshTokens.isFamilyRevoked(token.sid));
  }
}
