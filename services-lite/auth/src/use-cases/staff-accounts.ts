// Staff accounts follow the user service's users: one opens (with a set-password invitation announced as
// auth.account.invited) when a user is created, follows its email and suspension, and closes when the user is
// deleted. An operator can issue a new invitation when no mail could be sent (the CLI's invite-staff).
import { FailedPreconditionError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import type { Account, AccountRepository } from '../repositories/account-repository.js';
import type { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import { accountEvents } from './account-events.js';
import type { AuthEvents, AuthUnitOfWork } from './unit-of-work.js';

export interface StaffUser {
  /** The user service's id, which the staff account shares. */
  id: string;
  email: string;
}

export interface StaffAccountDeps {
  uow: AuthUnitOfWork;
  accounts: AccountRepository;
  oneTimeTokens: OneTimeTokenRepository;
  refreshTokens: RefreshTokenRepository;
  invitationTtlSeconds: number;
}

/** What following a user change did; the caller logs the cases an operator may need to know about. */
export type FollowOutcome = 'followed' | 'no_account' | 'email_taken';

export class StaffAccounts {
  constructor(private readonly deps: StaffAccountDeps) {}

  /** A new staff user: false when its id or email already has an account (retrying cannot help; an operator must). */
  open(user: StaffUser): Promise<boolean> {
    return this.deps.uow.run(async (tx, events) => {
      const account = await this.deps.accounts.createStaff(tx, user.id, user.email);
      if (!account) return false;
      await this.invite(tx, events, account);
      return true;
    });
  }

  /** The operator's path: ensures the account and returns a fresh invitation token (earlier ones stop working). */
  reinvite(user: StaffUser): Promise<{ token: string; created: boolean }> {
    return this.deps.uow.run(async (tx, events) => {
      const existing = await this.deps.accounts.findByEmail(user.email, tx);
      if (existing && (existing.id !== user.id || existing.type !== 'staff')) {
        throw new FailedPreconditionError(`${user.email} already belongs to another account`);
      }
      const created = existing ? undefined : await this.deps.accounts.createStaff(tx, user.id, user.email);
      if (!existing && !created) throw new FailedPreconditionError(`an account with id ${user.id} already exists under another email`);
      const token = await this.invite(tx, events, existing ?? created!);
      return { token, created: created !== undefined };
    });
  }

  /** A suspension ends every session at once (not only at the next refresh); a new email becomes the login email. */
  follow(user: StaffUser & { suspended: boolean }): Promise<FollowOutcome> {
    return this.deps.uow.run(async (tx) => {
      const account = await this.deps.accounts.findById(user.id, tx);
      if (!account || account.type !== 'staff') return 'no_account'; // the user's creation has not been seen yet
      if (user.suspended) await this.deps.refreshTokens.revokeAllOfAccount(account.id, tx);
      if (!user.email || user.email.toLowerCase() === account.email.toLowerCase()) return 'followed';
      if (await this.deps.accounts.findByEmail(user.email, tx)) return 'email_taken';
      await this.deps.accounts.updateEmail(tx, account.id, user.email);
      return 'followed';
    });
  }

  /** The user is gone: so is the account, and by cascade its sessions and tokens. */
  async close(userId: string): Promise<void> {
    await this.deps.uow.run((tx) => this.deps.accounts.deleteStaff(tx, userId));
  }

  private async invite(tx: Transaction, events: AuthEvents, account: Pick<Account, 'id' | 'email'>): Promise<string> {
    const invitation = await this.deps.oneTimeTokens.issue(tx, account.id, 'invitation', this.deps.invitationTtlSeconds);
    accountEvents.invited(events, account, invitation);
    return invitation.token;
  }
}
