// The order service's events: a placed order earns points; a cancelled order gives back all it earned, a
// returned one the refunded share. Each runs once per event (inbox) and once per order and kind (dedupe keys).
import type { CatalogHandlers } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { EarnFromOrderUseCase } from '../biz/earn-from-order.js';
import type { LoyaltyEventType } from '../biz/ports.js';
import type { ReverseOrderPointsUseCase } from '../biz/reverse-order-points.js';

export function orderHandlers(earning: EarnFromOrderUseCase, reversing: ReverseOrderPointsUseCase): CatalogHandlers<EventCatalog, LoyaltyEventType> {
  return {
    'order.order.placed': async ({ order }) => {
      if (!order) return;
      await earning.execute({ orderId: order.id, customerId: order.customerId, totalMinor: order.totalMinor, currency: order.currency });
    },
    'order.order.cancelled': async ({ order }) => {
      if (!order) return;
      await reversing.execute({
        orderId: order.id, customerId: order.customerId, refundId: 'cancelled', refundedMinor: undefined, totalMinor: order.totalMinor, currency: order.currency,
      });
    },
    'order.order.returned': async ({ order, refundedMinor }, { event }) => {
      if (!order) return;
      await reversing.execute({
        orderId: order.id, customerId: order.customerId, refundId: event.id, refundedMinor, totalMinor: order.totalMinor, currency: order.currency,
      });
    },
  };
}
