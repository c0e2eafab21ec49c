// The one consumer of other services' events in search (group `search`): typed handlers by catalog type, each run
// once per event in an inbox transaction that is also the use case's unit of work.
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type { SearchUnitOfWork } from '../biz/ports.js';
import type { UpdateIndexUseCase } from '../biz/update-index.js';
import { indexHandlers } from './index-handlers.js';

export interface SearchConsumerDeps {
  transport: EventTransport;
  uow: SearchUnitOfWork;
  index: UpdateIndexUseCase;
  logger: Logger;
  metrics: ServiceMetrics;
}

export function startSearchConsumer({ transport, uow, index, logger, metrics }: SearchConsumerDeps): Promise<Subscription> {
  return consumeCatalogEvents({
    catalog: eventCatalog,
    group: 'search',
    transport,
    uow,
    handlers: indexHandlers(index),
    logger,
    metrics: metrics.registry,
  });
}
