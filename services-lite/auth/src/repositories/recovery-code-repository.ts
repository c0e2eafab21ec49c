// MFA recovery codes, stored hashed; each works once.
import type { Knex } from 'knex';
import { hashToken } from '../crypto/opaque-tokens.js';

export class RecoveryCodeRepository {
  constructor(private readonly db: Knex) {}

  /** Replaces every code of the account (a new enrolment invalidates the old sheet). */
  async replace(trx: Knex, accountId: string, codes: string[]): Promise<void> {
    await trx('mfa_recovery_codes').where({ account_id: accountId }).delete();
    await trx('mfa_recovery_codes').insert(codes.map((code) => ({ account_id: accountId, code_hash: hashToken(normalise(code)) })));
  }

  async consume(accountId: string, code: string): Promise<boolean> {
    const count = await this.db('mfa_recovery_codes')
      .where({ account_id: accountId, code_hash: hashToken(normalise(code)) })
      .whereNull('used_at')
      .update({ used_at: this.db.fn.now() });
    return count === 1;
  }

  async deleteAll(trx: Knex, accountId: string): Promise<void> {
    await trx('mfa_recovery_codes').where({ account_id: accountId }).delete();
  }
}

// Codes are shown as xxxxx-xxxxx; people type them with or without the dash, in either case.
function normalise(code: string): string {
  return code.replace(/[\s-]/g, '').toLowerCase();
}
