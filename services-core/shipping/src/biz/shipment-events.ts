// Which event announces which status of an outbound parcel, and the data every shipment event carries.
import type { ShippingEvents } from './ports.js';
import type { Shipment, ShipmentLine, ShipmentStatus } from './shipment.js';

function common(shipment: Shipment, at: Date) {
  const lines = shipment.lines.map(({ orderLineId, sku, quantity }): ShipmentLine => ({ orderLineId, sku, quantity }));
  return { shipmentId: shipment.id, orderId: shipment.orderId, lines, occurTime: at };
}

/** Records the event of an outbound parcel reaching `status` (created = its first status, pending). */
export function recordShipmentStatus(events: ShippingEvents, shipment: Shipment, status: ShipmentStatus, at: Date, reason = ''): void {
  // A return parcel's progress is announced only by `shipping.shipment.returned` of the shipment it brings back:
  // its `shipped` must never look like an outbound parcel leaving (the order service captures payment on it).
  if (shipment.direction !== 'outbound') return;
  const subject = shipment.id;
  const base = common(shipment, at);
  const trackingNumber = shipment.trackingNumber ?? '';
  switch (status) {
    case 'pending':
      return events.record('shipping.shipment.created', { subject, data: base });
    case 'label_created':
      return events.record('shipping.shipment.label_created', { subject, data: { ...base, carrier: shipment.carrier, trackingNumber } });
    case 'shipped':
      return events.record('shipping.shipment.shipped', { subject, data: { ...base, carrier: shipment.carrier, trackingNumber } });
    case 'in_transit':
      return events.record('shipping.shipment.in_transit', { subject, data: { ...base, trackingNumber } });
    case 'delivered':
      return events.record('shipping.shipment.delivered', { subject, data: { ...base, trackingNumber } });
    case 'canceled':
      return events.record('shipping.shipment.canceled', { subject, data: { ...base, reason } });
    case 'returned':
      // Announced by the return's receipt (recordReturnReceived), which knows the lines that came back.
      return;
  }
}

export function recordReturnReceived(
  events: ShippingEvents,
  original: Shipment,
  returnParcel: Shipment,
  fullyReturned: boolean,
  at: Date,
): void {
  events.record('shipping.shipment.returned', {
    subject: original.id,
    data: { ...common(returnParcel, at), shipmentId: original.id, returnShipmentId: returnParcel.id, fullyReturned, reason: returnParcel.reason },
  });
}
