// Handlers of the events that make purchases verifiable: order.order.placed (whose the order is),
// shipping.shipment.delivered (which SKUs arrived) and catalog.product.* (which product a SKU is). Each maps
// the payload and calls the use case in the inbox transaction it is given.
import type { CatalogHandlers, Transaction } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { ProductSnapshot } from '@ecommerce/proto/events/v1/catalog';
import type { ReviewEvents, ReviewEventType } from '../biz/ports.js';
import type { RecordPurchasesUseCase } from '../biz/record-purchases.js';

export function purchaseHandlers(purchases: RecordPurchasesUseCase): CatalogHandlers<EventCatalog, ReviewEventType> {
  const productKnown = async (product: ProductSnapshot | undefined, { tx, events }: { tx: Transaction; events: ReviewEvents }) => {
    if (product?.id && product.sku) await purchases.productKnown(tx, events, { productId: product.id, sku: product.sku });
  };
  return {
    'order.order.placed': async (data, { tx, events }) => {
      // A guest order has no customer, so nobody can be verified by it.
      if (data.order?.id && data.order.customerId) await purchases.orderPlaced(tx, events, { orderId: data.order.id, customerId: data.order.customerId });
    },
    'shipping.shipment.delivered': async (data, { tx, events }) => {
      const skus = data.lines.map((line) => line.sku).filter((sku) => sku.length > 0);
      if (data.orderId && skus.length > 0) await purchases.delivered(tx, events, { orderId: data.orderId, skus });
    },
    'catalog.product.created': async (data, ctx) => productKnown(data.product, ctx),
    'catalog.product.updated': async (data, ctx) => productKnown(data.product, ctx),
    'catalog.product.restored': async (data, ctx) => productKnown(data.product, ctx),
  };
}
