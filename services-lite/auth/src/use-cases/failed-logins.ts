// Counts failed logins (password or MFA code) and locks the account at the threshold, announcing the lock
// through the outbox in the same transaction.
import { publishInTransaction } from '@ecommerce/common/events';
import type { Knex } from 'knex';
import { accountLocked, EVENT_SOURCE } from '../events/auth-events.js';
import type { Account, AccountRepository } from '../repositories/account-repository.js';

export interface LockoutPolicy {
  threshold: number;
  lockSeconds: number;
}

export class FailedLogins {
  constructor(
    private readonly db: Knex,
    private readonly accounts: AccountRepository,
    private readonly policy: LockoutPolicy,
  ) {}

  async record(account: Account): Promise<void> {
    await this.db.transaction(async (trx) => {
      const outcome = await this.accounts.recordFailure(account.id, this.policy.threshold, this.policy.lockSeconds, trx);
      if (!outcome.lockedUntil) return;
      const event = accountLocked.create({
        source: EVENT_SOURCE,
        subject: account.id,
        data: { accountId: account.id, email: account.email, failedAttempts: outcome.failedAttempts, unlockTime: outcome.lockedUntil },
      });
      await publishInTransaction(trx, event);
    });
  }

  isLocked(account: Account, now = new Date()): boolean {
    return account.lockedUntil !== null && account.lockedUntil > now;
  }

  async reset(account: Account): Promise<void> {
    if (account.failedAttempts > 0 || account.lockedUntil) await this.accounts.recordSuccess(account.id);
  }
}
