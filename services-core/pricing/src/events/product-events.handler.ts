// catalog.product.* -> which SKUs may be priced: archived or deleted products stop being priced, any other status
// (re-activation, restore) prices them again. Each runs once per event in the inbox transaction the use case joins.
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import { ProductStatus, type ProductSnapshot } from '@ecommerce/proto/events/v1/catalog';
import type { PricingEventType } from '../biz/ports.js';
import type { SyncCatalogSkusUseCase } from '../biz/sync-catalog-skus.js';

export function productEventHandlers(sync: SyncCatalogSkusUseCase, logger: Logger): CatalogHandlers<EventCatalog, PricingEventType> {
  const changed = async (product: ProductSnapshot | undefined, eventId: string) => {
    if (!product?.id || !product.sku) {
      logger.warn({ event_id: eventId }, 'catalog product event without product id or sku; ignored');
      return;
    }
    await sync.productChanged(product.id, product.sku, product.status === ProductStatus.PRODUCT_STATUS_ARCHIVED);
  };
  return {
    'catalog.product.created': (data, { event }) => changed(data.product, event.id),
    'catalog.product.updated': (data, { event }) => changed(data.product, event.id),
    'catalog.product.restored': (data, { event }) => changed(data.product, event.id),
    'catalog.product.deleted': async (data, { event }) => {
      if (!data.productId || !data.sku) {
        logger.warn({ event_id: event.id }, 'catalog.product.deleted without product id or sku; ignored');
        return;
      }
      await sync.productDeleted(data.productId, data.sku);
    },
  };
}
