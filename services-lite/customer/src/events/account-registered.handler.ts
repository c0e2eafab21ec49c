// auth.account.registered -> the customer's profile, with the same id as the account (register-customer use
// case, which joins the inbox transaction: a redelivered event is skipped before it gets here, and an existing
// profile is left as it is).
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import type { RegisterCustomerUseCase } from '../use-cases/register-customer.js';
import type { CustomerEventType } from '../use-cases/unit-of-work.js';

export function accountEventHandlers(registration: RegisterCustomerUseCase, logger: Logger): CatalogHandlers<EventCatalog, CustomerEventType> {
  return {
    // The topic carries other account events (locked, reset...); only registrations make profiles.
    'auth.account.registered': async (account, { event }) => {
      if (!account.accountId || !account.email) {
        logger.warn({ event_id: event.id }, 'auth.account.registered without account id or email; ignored');
        return;
      }
      if (account.type === AccountType.ACCOUNT_TYPE_STAFF) return;
      const created = await registration.execute({
        id: account.accountId,
        email: account.email,
        registeredAt: account.createTime ?? new Date(event.time),
      });
      if (!created) logger.info({ event_id: event.id, customer_id: account.accountId }, 'customer profile already exists');
    },
  };
}
