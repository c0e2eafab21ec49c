// Moving a shipment along its state machine inside a unit of work: guard, store, announce; and when a return
// parcel reaches the warehouse, credit the outbound shipment it brings back (returned once every unit is back).
import { inject, injectable } from 'inversify';
import type { Transaction } from '@ecommerce/common/events';
import { SHIPMENT_REPOSITORY, type ShipmentRepository, type ShippingEvents } from './ports.js';
import { assertTransition, type Shipment, type ShipmentStatus } from './shipment.js';
import { recordReturnReceived, recordShipmentStatus } from './shipment-events.js';

@injectable()
export class ShipmentTransitions {
  constructor(@inject(SHIPMENT_REPOSITORY) private readonly shipments: ShipmentRepository) {}

  /** `shipment` must have been read with its row locked in `tx`. Throws FAILED_PRECONDITION for an illegal move. */
  async apply(tx: Transaction, events: ShippingEvents, shipment: Shipment, to: ShipmentStatus, at: Date, description: string): Promise<Shipment> {
    assertTransition(shipment, to);
    await this.shipments.setStatus(tx, shipment.id, to, at, description);
    const moved: Shipment = { ...shipment, status: to, history: [...shipment.history, { status: to, occurredAt: at, description }] };
    recordShipmentStatus(events, moved, to, at, description);
    if (moved.direction === 'return' && to === 'delivered') await this.creditReturn(tx, events, moved, at);
    return moved;
  }

  private async creditReturn(tx: Transaction, events: ShippingEvents, returnParcel: Shipment, at: Date): Promise<void> {
    const original = await this.shipments.get(returnParcel.returnOf!, tx);
    const received = await this.shipments.receivedReturns(tx, original.id);
    const fullyReturned = original.lines.every((line) => (received.get(line.orderLineId) ?? 0) >= line.quantity);
    recordReturnReceived(events, original, returnParcel, fullyReturned, at);
    if (fullyReturned && original.status === 'delivered') {
      await this.apply(tx, events, original, 'returned', at, `every unit came back (return ${returnParcel.id})`);
    }
  }
}
