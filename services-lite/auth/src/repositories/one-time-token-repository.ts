// Single-use, expiring tokens: password reset, email verification, staff invitation, MFA login challenge.
import type { Knex } from 'knex';
import { hashToken, newOpaqueToken } from '../crypto/opaque-tokens.js';
import { sql, type Tx } from './transaction.js';

export type TokenPurpose = 'password_reset' | 'email_verification' | 'invitation' | 'mfa_challenge';

export interface IssuedOneTimeToken {
  token: string;
  expiresAt: Date;
}

export class OneTimeTokenRepository {
  constructor(private readonly db: Knex) {}

  /** A new token for `purpose`; earlier unused tokens of the same purpose stop working (only the latest mail counts). */
  async issue(tx: Tx, accountId: string, purpose: TokenPurpose, ttlSeconds: number): Promise<IssuedOneTimeToken> {
    const trx = sql(tx);
    const token = newOpaqueToken();
    const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
    await trx('one_time_tokens').where({ account_id: accountId, purpose }).whereNull('used_at').update({ used_at: trx.fn.now() });
    await trx('one_time_tokens').insert({ token_hash: hashToken(token), account_id: accountId, purpose, expires_at: expiresAt });
    return { token, expiresAt };
  }

  /** Uses the token up and returns its account, or undefined if it is unknown, used, expired or for another purpose. */
  async consume(tx: Tx, token: string, purpose: TokenPurpose): Promise<string | undefined> {
    const trx = sql(tx);
    const [row] = await trx('one_time_tokens')
      .where({ token_hash: hashToken(token), purpose })
      .whereNull('used_at')
      .where('expires_at', '>', trx.fn.now())
      .update({ used_at: trx.fn.now() })
      .returning<Array<{ account_id: string }>>('account_id');
    return row?.account_id;
  }
}
