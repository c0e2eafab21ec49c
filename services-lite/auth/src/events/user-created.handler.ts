// user.user.created -> a staff account with the same id and a single-use set-password invitation, announced as
// auth.account.invited for the notification service. Runs inside the inbox transaction (idempotent).
import type { CloudEvent } from '@ecommerce/common/events';
import { publishInTransaction } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { Knex } from 'knex';
import type { AccountRepository } from '../repositories/account-repository.js';
import type { OneTimeTokenRepository } from '../repositories/one-time-token-repository.js';
import { accountInvited, EVENT_SOURCE, userCreated } from './auth-events.js';

export interface UserCreatedDeps {
  accounts: AccountRepository;
  oneTimeTokens: OneTimeTokenRepository;
  invitationTtlSeconds: number;
  logger: Logger;
}

export function userCreatedHandler(deps: UserCreatedDeps) {
  return async (event: CloudEvent, trx: Knex.Transaction): Promise<void> => {
    const user = userCreated.parse(event).user;
    if (!user?.id || !user.email) {
      deps.logger.warn({ event_id: event.id }, 'user.user.created without user id or email; ignored');
      return;
    }
    const account = await deps.accounts.createStaff(trx, user.id, user.email);
    if (!account) {
      // Retrying cannot help: the address belongs to another account. An operator has to resolve it.
      deps.logger.warn({ event_id: event.id, user_id: user.id }, 'staff account not created: id or email already has an account');
      return;
    }
    await issueInvitation(trx, deps, account.id, account.email);
  };
}

/** A fresh invitation (earlier ones stop working), published for the notification service to mail. */
export async function issueInvitation(
  trx: Knex.Transaction,
  deps: Pick<UserCreatedDeps, 'oneTimeTokens' | 'invitationTtlSeconds'>,
  accountId: string,
  email: string,
): Promise<string> {
  const invitation = await deps.oneTimeTokens.issue(trx, accountId, 'invitation', deps.invitationTtlSeconds);
  const event = accountInvited.create({
    source: EVENT_SOURCE,
    subject: accountId,
    data: { accountId, email, userId: accountId, invitationToken: invitation.token, expireTime: invitation.expiresAt },
  });
  await publishInTransaction(trx, event);
  return invitation.token;
}
