// Counts failed logins (password or MFA code) and locks the account at the threshold; the lock is announced
// as auth.account.locked in the same unit of work. A lock also ends every session of the account: someone is
// guessing its password, and may already hold a session.
import type { Account, AccountRepository } from '../repositories/account-repository.js';
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import { accountEvents } from './account-events.js';
import type { AuthUnitOfWork } from './unit-of-work.js';

export interface LockoutPolicy {
  threshold: number;
  lockSeconds: number;
}

export class FailedLogins {
  constructor(
    private readonly uow: AuthUnitOfWork,
    private readonly accounts: AccountRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly policy: LockoutPolicy,
  ) {}

  async record(account: Account): Promise<void> {
    await this.uow.run(async (tx, events) => {
      const outcome = await this.accounts.recordFailure(account.id, this.policy.threshold, this.policy.lockSeconds, tx);
      if (!outcome.lockedUntil) return;
      // Revoking the refresh families also makes their access tokens inactive at /introspect.
      await this.refreshTokens.revokeAllOfAccount(account.id, tx);
      accountEvents.locked(events, account, outcome.failedAttempts, outcome.lockedUntil);
    });
  }

  isLocked(account: Account, now = new Date()): boolean {
    return account.lockedUntil !== null && account.lockedUntil > now;
  }

  async reset(account: Account): Promise<void> {
    if (account.failedAttempts > 0 || account.lockedUntil) await this.accounts.recordSuccess(account.id);
  }
}
