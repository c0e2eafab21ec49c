// A registration opens the account and pays the sign-up bonus: customer.customer.created, which the customer
// service publishes for every account auth registers (so auth's own event is not needed here). Paid once, however
// often the event is delivered.
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
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
  };
}
