// The one consumer of other services' events in warehouse: typed handlers by catalog type, each run once per
// event in an inbox transaction that its use case joins (the unit of work is shared with the use cases).
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type { ManageStockItemsUseCase } from '../biz/manage-stock-items.js';
import type { WarehouseUnitOfWork } from '../biz/ports.js';
import { catalogProductHandlers } from './catalog-product.handler.js';

export interface WarehouseConsumerDeps {
  transport: EventTransport;
  uow: WarehouseUnitOfWork;
  stockItems: ManageStockItemsUseCase;
  logger: Logger;
  metrics: ServiceMetrics;
}

export function startWarehouseConsumer({ transport, uow, stockItems, logger, metrics }: WarehouseConsumerDeps): Promise<Subscription> {
  return consumeCatalogEvents({
    catalog: eventCatalog,
    group: 'warehouse',
    transport,
    uow,
    handlers: catalogProductHandlers(stockItems, logger),
    logger,
    metrics: metrics.registry,
  });
}
