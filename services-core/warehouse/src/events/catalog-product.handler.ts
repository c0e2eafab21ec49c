// Catalog product events -> stock items: a product's SKU (a product has exactly one, ProductSnapshot.sku) gets a
// stock item with default settings (tracked, no backorder) when it is created, restored, or changes its SKU.
// Existing items keep their settings; deleting a product keeps its stock and ledger (it may come back).
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { ManageStockItemsUseCase } from '../biz/manage-stock-items.js';
import type { WarehouseEventType } from '../biz/ports.js';

export function catalogProductHandlers(stockItems: ManageStockItemsUseCase, logger: Logger): CatalogHandlers<EventCatalog, WarehouseEventType> {
  const ensure = async (product: { id: string; sku: string } | undefined) => {
    if (!product?.sku) return;
    if (await stockItems.ensureForProduct(product.sku, product.id)) logger.info({ sku: product.sku, productId: product.id }, 'stock item created for a catalog product');
  };
  return {
    'catalog.product.created': (data) => ensure(data.product),
    'catalog.product.updated': (data) => ensure(data.product),
    'catalog.product.restored': (data) => ensure(data.product),
  };
}
