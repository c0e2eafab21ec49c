// customer.customer.* -> the customer account follows its profile: an erasure deletes it (customer-accounts).
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { CustomerAccounts } from '../use-cases/customer-accounts.js';
import type { AuthEventType } from '../use-cases/unit-of-work.js';

export function customerEventHandlers(customers: CustomerAccounts, logger: Logger): CatalogHandlers<EventCatalog, AuthEventType> {
  return {
    'customer.customer.deleted': async ({ customerId }, { event }) => {
      if (!customerId) {
        logger.warn({ event_id: event.id }, 'customer.customer.deleted without customer id; ignored');
        return;
      }
      if (!(await customers.erase(customerId))) logger.info({ event_id: event.id, customer_id: customerId }, 'no customer account to erase');
    },
  };
}
