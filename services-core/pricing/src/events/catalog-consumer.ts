// The one consumer of other services' events in pricing (group `pricing`): catalog product events, typed by the
// event catalog, each handled once through the inbox in the service's unit of work.
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type { PricingUnitOfWork } from '../biz/ports.js';
import type { SyncCatalogSkusUseCase } from '../biz/sync-catalog-skus.js';
import { productEventHandlers } from './product-events.handler.js';

export interface PricingConsumerDeps {
  transport: EventTransport;
  uow: PricingUnitOfWork;
  sync: SyncCatalogSkusUseCase;
  logger: Logger;
  metrics: ServiceMetrics;
}

export function startPricingConsumer({ transport, uow, sync, logger, metrics }: PricingConsumerDeps): Promise<Subscription> {
  return consumeCatalogEvents({ catalog: eventCatalog, group: 'pricing', transport, uow, handlers: productEventHandlers(sync, logger), logger, metrics: metrics.registry });
}
