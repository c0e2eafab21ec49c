// Registrations open the account and pay the sign-up bonus: customer.customer.created and auth.account.registered
// (customer accounts only) both count, and the bonus is paid once whichever arrives first.
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import type { OpenAccountUseCase } from '../biz/open-account.js';
import type { LoyaltyEventType } from '../biz/ports.js';

export function registrationHandlers(opening: OpenAccountUseCase, logger: Logger): CatalogHandlers<EventCatalog, LoyaltyEventType> {
  return {
    'customer.customer.created': async ({ customer }, { event }) => {
      if (!customer?.id) {
        logger.warn({ event_id: event.id }, 'customer.customer.created without a customer id; ignored');
        return;
      }
      await opening.onRegistration(customer.id);
    },
    // The topic carries other account events (locked, reset ...); staff accounts collect no points.
    'auth.account.registered': async (account, { event }) => {
      if (account.type === AccountType.ACCOUNT_TYPE_STAFF) return;
      if (!account.accountId) {
        logger.warn({ event_id: event.id }, 'auth.account.registered without an account id; ignored');
        return;
      }
      await opening.onRegistration(account.accountId);
    },
  };
}
