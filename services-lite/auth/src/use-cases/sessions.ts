// Sessions: a login starts a refresh-token family; each refresh rotates the token; presenting a rotated token
// again means it was copied, so the whole family (and its access tokens) is revoked.
import { randomUUID } from 'node:crypto';
import { UnauthenticatedError } from '@ecommerce/common/errors';
import type { Knex } from 'knex';
import { hashToken, newOpaqueToken } from '../crypto/opaque-tokens.js';
import type { Account, AccountRepository } from '../repositories/account-repository.js';
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import type { RevokedTokenRepository } from '../repositories/revoked-token-repository.js';
import type { AccessTokens, VerifiedAccessToken } from '../tokens/access-tokens.js';

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/** The roles an access token carries for an account: customers are customers; staff roles come from the user service. */
export type RoleSource = (account: Account) => Promise<string[]>;

export interface SessionDeps {
  db: Knex;
  accounts: AccountRepository;
  refreshTokens: RefreshTokenRepository;
  revokedJtis: RevokedTokenRepository;
  accessTokens: AccessTokens;
  rolesOf: RoleSource;
  refreshTtlSeconds: number;
}

const INVALID_REFRESH = 'invalid or expired refresh token';

export class Sessions {
  constructor(private readonly deps: SessionDeps) {}

  async start(account: Account): Promise<TokenPair> {
    const roles = await this.deps.rolesOf(account);
    const familyId = randomUUID();
    const refresh = await this.newRefreshToken(account.id, familyId, this.deps.db);
    return this.pair(account, roles, familyId, refresh);
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const { refreshTokens } = this.deps;
    const current = await refreshTokens.findByHash(hashToken(refreshToken));
    if (!current || current.revoked || current.expiresAt <= new Date()) throw new UnauthenticatedError(INVALID_REFRESH);
    if (current.rotated) return this.reused(current.familyId);

    const account = await this.deps.accounts.get(current.accountId);
    // Roles are read again on every refresh, so a revoked staff role ends with the access token's short life.
    const roles = await this.deps.rolesOf(account);
    const next = await this.deps.db.transaction(async (trx) => {
      if (!(await refreshTokens.markRotated(current.id, trx))) return undefined; // a concurrent request used it first
      return this.newRefreshToken(account.id, current.familyId, trx);
    });
    if (!next) return this.reused(current.familyId);
    return this.pair(account, roles, current.familyId, next);
  }

  /** Ends the session of `token`: its jti and its refresh family. */
  async logout(token: VerifiedAccessToken): Promise<void> {
    await this.deps.db.transaction(async (trx) => {
      await this.deps.revokedJtis.revoke(token.jti, token.expiresAt, trx);
      if (token.sid) await this.deps.refreshTokens.revokeFamily(token.sid, trx);
    });
  }

  /** Every session of the account (password change or reset). */
  async revokeAll(accountId: string, trx: Knex): Promise<void> {
    await this.deps.refreshTokens.revokeAllOfAccount(accountId, trx);
  }

  private async reused(familyId: string): Promise<never> {
    await this.deps.refreshTokens.revokeFamily(familyId);
    throw new UnauthenticatedError('refresh token was already used; the session has been revoked');
  }

  private async newRefreshToken(accountId: string, familyId: string, trx: Knex): Promise<string> {
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + this.deps.refreshTtlSeconds * 1000);
    await this.deps.refreshTokens.create({ accountId, familyId, tokenHash: hashToken(token), expiresAt }, trx);
    return token;
  }

  private async pair(account: Account, roles: string[], familyId: string, refreshToken: string): Promise<TokenPair> {
    const access = await this.deps.accessTokens.issue({ sub: account.id, roles, type: account.type, sid: familyId });
    return {
      accessToken: access.token,
      tokenType: 'Bearer',
      expiresIn: this.deps.accessTokens.ttlSeconds,
      refreshToken,
      refreshExpiresIn: this.deps.refreshTtlSeconds,
    };
  }
}
