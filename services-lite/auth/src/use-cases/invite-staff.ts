// The operator's path to a staff login when no invitation mail can be sent (a fresh install has no notification
// service yet): ensure the staff account for a user-service user and issue a new set-password invitation.
import { FailedPreconditionError } from '@ecommerce/common/errors';
import type { Knex } from 'knex';
import { issueInvitation } from '../events/user-created.handler.js';
import { AccountRepository } from '../repositories/account-repository.js';
import { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';

export interface InviteStaffInput {
  /** The user service's id of the staff member. */
  userId: string;
  email: string;
  invitationTtlSeconds: number;
}

/** Returns the invitation token (also published as auth.account.invited); earlier invitations stop working. */
export async function inviteStaff(db: Knex, input: InviteStaffInput): Promise<{ token: string; created: boolean }> {
  const accounts = new AccountRepository(db);
  const oneTimeTokens = new OneTimeTokenRepository(db);
  return db.transaction(async (trx) => {
    const existing = await accounts.findByEmail(input.email, trx);
    if (existing && (existing.id !== input.userId || existing.type !== 'staff')) {
      throw new FailedPreconditionError(`${input.email} already belongs to another account`);
    }
    const created = existing ? undefined : await accounts.createStaff(trx, input.userId, input.email);
    if (!existing && !created) throw new FailedPreconditionError(`an account with id ${input.userId} already exists under another email`);
    const token = await issueInvitation(trx, { oneTimeTokens, invitationTtlSeconds: input.invitationTtlSeconds }, input.userId, input.email);
    return { token, created: created !== undefined };
  });
}
