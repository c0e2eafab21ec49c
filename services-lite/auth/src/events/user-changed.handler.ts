// user.user.updated / user.user.deleted -> the staff account follows: a suspension or deletion ends every session
// at once (not only at the next refresh), and an email change becomes the new login email.
import type { CloudEvent } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import { UserStatus } from '@ecommerce/proto/events/v1/user';
import type { Knex } from 'knex';
import type { AccountRepository } from '../repositories/account-repository.js';
import type { RefreshTokenRepository } from '../repositories/refresh-token-repository.js';
import { userDeleted, userUpdated } from './auth-events.js';

export interface UserChangedDeps {
  accounts: AccountRepository;
  refreshTokens: RefreshTokenRepository;
  logger: Logger;
}

export function userUpdatedHandler(deps: UserChangedDeps) {
  return async (event: CloudEvent, trx: Knex.Transaction): Promise<void> => {
    const user = userUpdated.parse(event).user;
    if (!user?.id) return;
    const account = await deps.accounts.findById(user.id, trx);
    if (!account || account.type !== 'staff') return; // no login yet: user.user.created has not been seen
    if (user.status === UserStatus.USER_STATUS_SUSPENDED) await deps.refreshTokens.revokeAllOfAccount(account.id, trx);
    if (user.email && user.email.toLowerCase() !== account.email.toLowerCase()) {
      const holder = await deps.accounts.findByEmail(user.email, trx);
      if (holder) {
        deps.logger.warn({ event_id: event.id, user_id: user.id }, 'staff email not changed: the new address already has an account');
        return;
      }
      await deps.accounts.updateEmail(trx, account.id, user.email);
    }
  };
}

export function userDeletedHandler(deps: UserChangedDeps) {
  return async (event: CloudEvent, trx: Knex.Transaction): Promise<void> => {
    const { userId } = userDeleted.parse(event);
    if (userId) await deps.accounts.deleteStaff(trx, userId);
  };
}
