// user.user.* -> the staff account follows its user, through the staff-accounts use case. Role changes need
// nothing here: roles are read from the user service at every login and refresh.
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import { UserStatus } from '@ecommerce/proto/events/v1/user';
import type { StaffAccounts } from '../use-cases/staff-accounts.js';
import type { AuthEventType } from '../use-cases/unit-of-work.js';

export function userEventHandlers(staff: StaffAccounts, logger: Logger): CatalogHandlers<EventCatalog, AuthEventType> {
  return {
    'user.user.created': async ({ user }, { event }) => {
      if (!user?.id || !user.email) {
        logger.warn({ event_id: event.id }, 'user.user.created without user id or email; ignored');
        return;
      }
      if (!(await staff.open({ id: user.id, email: user.email }))) {
        logger.warn({ event_id: event.id, user_id: user.id }, 'staff account not created: id or email already has an account');
      }
    },
    'user.user.updated': async ({ user }, { event }) => {
      if (!user?.id) return;
      const outcome = await staff.follow({ id: user.id, email: user.email, suspended: user.status === UserStatus.USER_STATUS_SUSPENDED });
      if (outcome === 'email_taken') logger.warn({ event_id: event.id, user_id: user.id }, 'staff email not changed: the new address already has an account');
    },
    'user.user.deleted': async ({ userId }) => {
      if (userId) await staff.close(userId);
    },
  };
}
