// Accounts: credentials, lockout counters and MFA state. Emails are matched case-insensitively.
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { withConstraintErrors } from '@ecommerce/common/db';
import type { Knex } from 'knex';
import { sql, type Tx } from './transaction.js';

export type AccountKind = 'customer' | 'staff';

export interface Account {
  id: string;
  email: string;
  type: AccountKind;
  passwordHash: string | null;
  emailVerified: boolean;
  failedAttempts: number;
  lockedUntil: Date | null;
  mfaSecret: string | null;
  mfaEnabled: boolean;
  mfaLastStep: number | null;
  createdAt: Date;
}

interface AccountRow {
  id: string;
  email: string;
  type: AccountKind;
  password_hash: string | null;
  email_verified_at: Date | null;
  failed_attempts: number;
  locked_until: Date | null;
  mfa_secret: string | null;
  mfa_enabled_at: Date | null;
  mfa_last_step: string | null;
  created_at: Date;
}

export interface FailureOutcome {
  failedAttempts: number;
  /** Set when this failure reached the threshold and locked the account. */
  lockedUntil?: Date;
}

export class AccountRepository {
  constructor(private readonly db: Knex) {}

  async findByEmail(email: string, tx: Tx = this.db): Promise<Account | undefined> {
    const row = await sql(tx)<AccountRow>('accounts').whereRaw('lower(email) = lower(?)', [email]).first();
    return row && toAccount(row);
  }

  async findById(id: string, tx: Tx = this.db): Promise<Account | undefined> {
    const row = await sql(tx)<AccountRow>('accounts').where({ id }).first();
    return row && toAccount(row);
  }

  async get(id: string, tx: Tx = this.db): Promise<Account> {
    const row = await sql(tx)<AccountRow>('accounts').where({ id }).first();
    if (!row) throw new NotFoundError('account', id);
    return toAccount(row);
  }

  async createCustomer(tx: Tx, email: string, passwordHash: string): Promise<Account> {
    const known = { accounts_email_key: () => new AlreadyExistsError('an account with this email already exists', 'email') };
    const [row] = await withConstraintErrors(known, () =>
      sql(tx)<AccountRow>('accounts').insert({ email, type: 'customer', password_hash: passwordHash }).returning('*'),
    );
    return toAccount(row!);
  }

  /** A staff account with the user service's id and no password; undefined if the id or email is taken. */
  async createStaff(tx: Tx, id: string, email: string): Promise<Account | undefined> {
    const trx = sql(tx);
    const taken = await trx('accounts').where({ id }).orWhereRaw('lower(email) = lower(?)', [email]).first('id');
    if (taken) return undefined;
    const [row] = await trx<AccountRow>('accounts').insert({ id, email, type: 'staff' }).returning('*');
    return toAccount(row!);
  }

  async updateEmail(tx: Tx, id: string, email: string): Promise<void> {
    await sql(tx)('accounts').where({ id }).update({ email });
  }

  /** Removes a staff account and, by cascade, its sessions and tokens; false if there was none. */
  async deleteStaff(tx: Tx, id: string): Promise<boolean> {
    return (await sql(tx)('accounts').where({ id, type: 'staff' }).delete()) === 1;
  }

  /** Removes a customer account and, by cascade, its sessions and tokens; false if there was none. */
  async deleteCustomer(tx: Tx, id: string): Promise<boolean> {
    return (await sql(tx)('accounts').where({ id, type: 'customer' }).delete()) === 1;
  }

  /**
   * Counts a failed login in one statement (concurrent failures all count). Reaching `threshold` locks the
   * account for `lockSeconds` and restarts the count, so the next lock needs another full run of failures.
   */
  async recordFailure(id: string, threshold: number, lockSeconds: number, tx: Tx = this.db): Promise<FailureOutcome> {
    const { rows } = await sql(tx).raw<{ rows: Array<{ failed_attempts: number; locked: boolean; locked_until: Date | null }> }>(
      `UPDATE accounts SET
         failed_attempts = CASE WHEN failed_attempts + 1 >= :threshold THEN 0 ELSE failed_attempts + 1 END,
         locked_until = CASE WHEN failed_attempts + 1 >= :threshold THEN now() + make_interval(secs => :lockSeconds) ELSE locked_until END
       WHERE id = :id
       RETURNING failed_attempts, locked_until, (failed_attempts = 0) AS locked`,
      { id, threshold, lockSeconds },
    );
    const row = rows[0];
    if (!row) throw new NotFoundError('account', id);
    return row.locked && row.locked_until ? { failedAttempts: threshold, lockedUntil: row.locked_until } : { failedAttempts: row.failed_attempts };
  }

  async recordSuccess(id: string): Promise<void> {
    await this.db('accounts').where({ id }).andWhere((q) => q.where('failed_attempts', '>', 0).orWhereNotNull('locked_until')).update({ failed_attempts: 0, locked_until: null });
  }

  /** A new password also lifts a lock: whoever proved control of the mailbox or the old password is the owner. */
  async setPassword(tx: Tx, id: string, passwordHash: string): Promise<void> {
    const trx = sql(tx);
    await trx('accounts').where({ id }).update({ password_hash: passwordHash, password_changed_at: trx.fn.now(), failed_attempts: 0, locked_until: null });
  }

  async markEmailVerified(tx: Tx, id: string): Promise<void> {
    const trx = sql(tx);
    await trx('accounts').where({ id }).whereNull('email_verified_at').update({ email_verified_at: trx.fn.now() });
  }

  /** Stores a pending secret; MFA is not required at login until enableMfa. */
  async setPendingMfaSecret(id: string, secret: string): Promise<void> {
    await this.db('accounts').where({ id }).update({ mfa_secret: secret, mfa_enabled_at: null, mfa_last_step: null });
  }

  async enableMfa(trx: Knex, id: string, step: number): Promise<void> {
    await trx('accounts').where({ id }).update({ mfa_enabled_at: trx.fn.now(), mfa_last_step: step });
  }

  async disableMfa(trx: Knex, id: string): Promise<void> {
    await trx('accounts').where({ id }).update({ mfa_secret: null, mfa_enabled_at: null, mfa_last_step: null });
  }

  /** Records `step` as used; false if it (or a later step) already was, e.g. by a concurrent login with the same code. */
  async claimMfaStep(id: string, step: number): Promise<boolean> {
    const count = await this.db('accounts')
      .where({ id })
      .andWhere((q) => q.whereNull('mfa_last_step').orWhere('mfa_last_step', '<', step))
      .update({ mfa_last_step: step });
    return count === 1;
  }
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    email: row.email,
    type: row.type,
    passwordHash: row.password_hash,
    emailVerified: row.email_verified_at !== null,
    failedAttempts: row.failed_attempts,
    lockedUntil: row.locked_until,
    mfaSecret: row.mfa_secret,
    mfaEnabled: row.mfa_enabled_at !== null,
    mfaLastStep: row.mfa_last_step === null ? null : Number(row.mfa_last_step),
    createdAt: row.created_at,
  };
}
