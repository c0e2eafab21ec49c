// The operator's path to a staff login when no invitation mail can be sent (a fresh install has no notification
// service yet), for the CLI: the staff-accounts use case over a database handle, outside the running service.
import type { Knex } from 'knex';
import { AccountRepository } from '../repositories/account-repository.js';
import { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';
import { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import { StaffAccounts } from './staff-accounts.js';
import { createAuthUnitOfWork } from './unit-of-work.js';

export interface InviteStaffInput {
  /** The user service's id of the staff member. */
  userId: string;
  email: string;
  invitationTtlSeconds: number;
}

/** Returns the invitation token (also published as auth.account.invited); earlier invitations stop working. */
export function inviteStaff(db: Knex, input: InviteStaffInput): Promise<{ token: string; created: boolean }> {
  const staff = new StaffAccounts({
    uow: createAuthUnitOfWork(db),
    accounts: new AccountRepository(db),
    oneTimeTokens: new OneTimeTokenRepository(db),
    refreshTokens: new RefreshTokenRepository(db),
    invitationTtlSeconds: input.invitationTtlSeconds,
  });
  return staff.reinvite({ id: input.userId, email: input.email });
}
