// Consumes the shipping service's shipment events: shipped -> capture and commit stock, returned -> refund and
// restock. Each event runs once per event id in an inbox transaction (the kit's), which is also the use case's
// transaction; a redelivery finds the inbox row and does nothing, and a retry after a failure calls the other
// services again with the same keys (derived from the shipment), so they answer without a second effect.
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import { isTransientError } from '@ecommerce/common/saga';
import type { Logger } from '@ecommerce/common/logger';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import type { FulfilmentUseCase } from '../biz/fulfilment.js';
import type { OrderEventType, OrderUnitOfWork } from '../biz/ports.js';

export interface ShippingConsumerDeps {
  transport: EventTransport;
  uow: OrderUnitOfWork;
  fulfilment: FulfilmentUseCase;
  logger: Logger;
  metrics?: ServiceMetrics['registry'];
}

export function consumeShippingEvents(deps: ShippingConsumerDeps): Promise<Subscription> {
  return consumeCatalogEvents<typeof eventCatalog, OrderEventType>({
    catalog: eventCatalog,
    group: 'order',
    transport: deps.transport,
    uow: deps.uow,
    logger: deps.logger,
    ...(deps.metrics ? { metrics: deps.metrics } : {}),
    handlers: {
      'shipping.shipment.shipped': (data, { tx }) =>
        unlessRefused(deps.logger, data, async () => {
          const outcome = await deps.fulfilment.shipped(tx, { shipmentId: data.shipmentId, orderId: data.orderId, lines: data.lines }, 'event:shipping.shipment.shipped');
          if (!outcome.applied) deps.logger.warn({ shipment_id: data.shipmentId, order_id: data.orderId, reason: outcome.reason }, 'shipment not applied to its order');
        }),
      'shipping.shipment.returned': (data, { tx, events }) =>
        unlessRefused(deps.logger, data, async () => {
          const returnId = data.returnShipmentId || data.shipmentId;
          await deps.fulfilment.returned(tx, events, data.orderId, data.lines, data.reason, 'event:shipping.shipment.returned', returnId);
        }),
    },
  });
}

/**
 * An event the order cannot take (an unknown order, more units than it holds) is logged and passed over: delivering
 * it again would be refused the same way, so retrying it would only hold up the events behind it. A participant's
 * refusal inside (capture, commit) surfaces the same way; anything transient is thrown, and the consumer retries.
 */
async function unlessRefused(logger: Logger, data: { shipmentId: string; orderId: string }, apply: () => Promise<void>): Promise<void> {
  try {
    await apply();
  } catch (err) {
    if (isTransientError(err)) throw err;
    logger.error({ err, shipment_id: data.shipmentId, order_id: data.orderId }, 'shipment event refused; it needs a person');
  }
}
