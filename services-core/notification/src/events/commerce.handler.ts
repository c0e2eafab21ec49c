// Order, payment and shipping events: the customer's mails about their order. Shipping events name only the order,
// so order.order.placed also records whose order it is.
import type { CatalogHandlers, HandlerContext } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { NotificationEventType } from '../biz/ports.js';
import type { RecordContactsUseCase } from '../biz/record-contacts.js';
import type { RequestNotificationsUseCase } from '../biz/request-notifications.js';
import type { TemplateName } from '../biz/template-catalog.js';
import { templateDataOf } from './template-data.js';

type Ctx = HandlerContext<EventCatalog, NotificationEventType>;

export function commerceHandlers(contacts: RecordContactsUseCase, requests: RequestNotificationsUseCase): CatalogHandlers<EventCatalog, NotificationEventType> {
  const notify = async (ctx: Ctx, templates: TemplateName[], customerId: string, payload: object) => {
    for (const template of templates) {
      await requests.execute(ctx.tx, ctx.events, { eventId: ctx.event.id, eventType: ctx.event.type, template, customerId, data: templateDataOf(payload) });
    }
  };
  const forOrder = async (ctx: Ctx, templates: TemplateName[], orderId: string, payload: object) => {
    const customerId = orderId ? await contacts.customerOfOrder(ctx.tx, orderId) : undefined;
    // A guest order (or one placed before this service listened) has nobody in the directory to write to; the
    // record still says so (a failed email with the reason), where staff can see it.
    await notify(ctx, templates, customerId ?? '', payload);
  };
  return {
    'order.order.placed': async (data, ctx) => {
      const order = data.order;
      if (!order?.id) return;
      if (order.customerId) await contacts.orderPlaced(ctx.tx, order.id, order.customerId);
      await notify(ctx, ['order_placed'], order.customerId, data);
    },
    'payment.payment.refunded': (data, ctx) => notify(ctx, ['payment_refunded'], data.payment?.customerId ?? '', data),
    'shipping.shipment.shipped': (data, ctx) => forOrder(ctx, ['shipment_shipped'], data.orderId, data),
    'shipping.shipment.delivered': (data, ctx) => forOrder(ctx, ['shipment_delivered', 'review_request'], data.orderId, data),
  };
}
