// Customer events keep the contact directory: the address and phone of each customer, forgotten on erasure.
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { CustomerSnapshot } from '@ecommerce/proto/events/v1/customer';
import type { NotificationEventType } from '../biz/ports.js';
import type { RecordContactsUseCase } from '../biz/record-contacts.js';

export function customerHandlers(contacts: RecordContactsUseCase): CatalogHandlers<EventCatalog, NotificationEventType> {
  const saved = async (customer: CustomerSnapshot | undefined, tx: Parameters<RecordContactsUseCase['customerSaved']>[0]) => {
    if (customer?.id) await contacts.customerSaved(tx, { id: customer.id, email: customer.email, phone: customer.phone });
  };
  return {
    'customer.customer.created': (data, { tx }) => saved(data.customer, tx),
    'customer.customer.updated': (data, { tx }) => saved(data.customer, tx),
    'customer.customer.deleted': async (data, { tx }) => {
      if (data.customerId) await contacts.customerErased(tx, data.customerId);
    },
  };
}
