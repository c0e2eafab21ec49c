// The one consumer of other services' events in customer: typed handlers by catalog type, each run once per
// event in an inbox transaction that its use case joins (the unit of work is shared with the use cases).
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type { CustomerComponents } from '../components.js';
import { accountEventHandlers } from './account-registered.handler.js';

export interface CustomerConsumerDeps {
  transport: EventTransport;
  components: Pick<CustomerComponents, 'uow' | 'registration'>;
  logger: Logger;
  metrics: ServiceMetrics;
}

export function startCustomerConsumer({ transport, components, logger, metrics }: CustomerConsumerDeps): Promise<Subscription> {
  return consumeCatalogEvents({
    catalog: eventCatalog,
    group: 'customer',
    transport,
    uow: components.uow,
    handlers: { ...accountEventHandlers(components.registration, logger) },
    logger,
    metrics: metrics.registry,
  });
}
