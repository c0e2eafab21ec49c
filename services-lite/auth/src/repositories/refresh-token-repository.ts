// Refresh tokens by family: each use rotates the token; a rotated token presented again revokes the family.
import type { Knex } from 'knex';
import { sql, type Tx } from './transaction.js';

export interface RefreshToken {
  id: string;
  accountId: string;
  familyId: string;
  expiresAt: Date;
  rotated: boolean;
  revoked: boolean;
}

interface RefreshTokenRow {
  id: string;
  account_id: string;
  family_id: string;
  token_hash: string;
  expires_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
}

export class RefreshTokenRepository {
  constructor(private readonly db: Knex) {}

  async create(input: { accountId: string; familyId: string; tokenHash: string; expiresAt: Date }, trx: Knex = this.db): Promise<void> {
    await trx('refresh_tokens').insert({
      account_id: input.accountId,
      family_id: input.familyId,
      token_hash: input.tokenHash,
      expires_at: input.expiresAt,
    });
  }

  async findByHash(tokenHash: string, trx: Knex = this.db): Promise<RefreshToken | undefined> {
    const row = await trx<RefreshTokenRow>('refresh_tokens').where({ token_hash: tokenHash }).first();
    return row && toRefreshToken(row);
  }

  /** Marks the token used; false when another request rotated or revoked it first (a reuse). */
  async markRotated(id: string, trx: Knex): Promise<boolean> {
    const count = await trx('refresh_tokens').where({ id }).whereNull('rotated_at').whereNull('revoked_at').update({ rotated_at: trx.fn.now() });
    return count === 1;
  }

  async revokeFamily(familyId: string, trx: Knex = this.db): Promise<void> {
    await trx('refresh_tokens').where({ family_id: familyId }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
  }

  async revokeAllOfAccount(accountId: string, tx: Tx = this.db): Promise<void> {
    const trx = sql(tx);
    await trx('refresh_tokens').where({ account_id: accountId }).whereNull('revoked_at').update({ revoked_at: trx.fn.now() });
  }

  async isFamilyRevoked(familyId: string): Promise<boolean> {
    const live = await this.db('refresh_tokens').where({ family_id: familyId }).whereNull('revoked_at').first('id');
    return live === undefined;
  }
}

function toRefreshToken(row: RefreshTokenRow): RefreshToken {
  return {
    id: row.id,
    accountId: row.account_id,
    familyId: row.family_id,
    expiresAt: row.expires_at,
    rotated: row.rotated_at !== null,
    revoked: row.revoked_at !== null,
  };
}
