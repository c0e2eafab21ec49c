// Consumes the shipping service's shipment events: shipped -> capture and commit stock, returned -> refund and
// restock. Each event runs once per event id in an inbox transaction (the kit's), which is also the use case's
// transaction; a redelivery finds the inbox row and does nothing, and a retry after a failure calls the other
// services again with the same keys (derived from the shipment), so they answer without a second effect.
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
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
      'shipping.shipment.shipped': async (data, { tx }) => {
        const outcome = await deps.fulfilment.shipped(tx, { shipmentId: data.shipmentId, orderId: data.orderId, lines: data.lines }, 'event:shipping.shipment.shipped');
        if (!outcome.applied) deps.logger.warn({ shipment_id: data.shipmentId, order_id: data.orderId, reason: outcome.reason }, 'shipment not applied to its order');
      },
      'shipping.shipment.returned': async (data, { tx, events }) => {
        const returnId = `shipment-return-${data.returnShipmentId || data.shipmentId}`;
        await deps.fulfilment.returned(tx, events, data.orderId, data.lines, data.reason, 'event:shipping.shipment.returned', returnId);
      },
    },
  });
}
