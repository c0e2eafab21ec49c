// The one consumer of other services' events in review (group `review`): typed handlers by catalog type, each run
// once per event in an inbox transaction that is also the use case's unit of work.
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type { ReviewUnitOfWork } from '../biz/ports.js';
import type { RecordPurchasesUseCase } from '../biz/record-purchases.js';
import { purchaseHandlers } from './purchase-handlers.js';

export interface ReviewConsumerDeps {
  transport: EventTransport;
  uow: ReviewUnitOfWork;
  purchases: RecordPurchasesUseCase;
  logger: Logger;
  metrics: ServiceMetrics;
}

export function startReviewConsumer({ transport, uow, purchases, logger, metrics }: ReviewConsumerDeps): Promise<Subscription> {
  return consumeCatalogEvents({
    catalog: eventCatalog,
    group: 'review',
    transport,
    uow,
    handlers: purchaseHandlers(purchases),
    logger,
    metrics: metrics.registry,
  });
}
