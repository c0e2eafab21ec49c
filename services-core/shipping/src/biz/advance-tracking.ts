// Polling the carrier for every parcel it still moves and applying its scans in order (shipped, in transit,
// delivered), each announced as an event. Run by housekeeping and by staff (AdvanceTracking); each parcel in
// its own transaction with its row locked, so one failing parcel or a concurrent poll never double-applies.
import { inject, injectable } from 'inversify';
import type { Transaction } from '@ecommerce/common/events';
import { CARRIER, SHIPMENT_REPOSITORY, UNIT_OF_WORK, type ShipmentRepository, type ShippingEvents, type ShippingUnitOfWork } from './ports.js';
import type { Carrier } from './carrier.js';
import { TRACKING_RANK, type Shipment } from './shipment.js';
import { ShipmentTransitions } from './shipment-transitions.js';

/** Parcels looked at per poll; the oldest labels first, so a backlog drains over successive polls. */
const POLL_BATCH = 500;

@injectable()
export class AdvanceTrackingUseCase {
  constructor(
    @inject(SHIPMENT_REPOSITORY) private readonly shipments: ShipmentRepository,
    @inject(UNIT_OF_WORK) private readonly uow: ShippingUnitOfWork,
    @inject(CARRIER) private readonly carrier: Carrier,
    @inject(ShipmentTransitions) private readonly transitions: ShipmentTransitions,
  ) {}

  /** How many status changes were applied. */
  async execute(): Promise<number> {
    let updates = 0;
    for (const id of await this.shipments.listTracked(POLL_BATCH)) {
      updates += await this.uow.run((tx, events) => this.advance(tx, events, id));
    }
    return updates;
  }

  private async advance(tx: Transaction, events: ShippingEvents, id: string): Promise<number> {
    let shipment: Shipment = await this.shipments.get(id, tx);
    if (!shipment.trackingNumber || !shipment.labelCreatedAt) return 0;
    const scans = await this.carrier.track({ trackingNumber: shipment.trackingNumber, labelCreatedAt: shipment.labelCreatedAt });
    let applied = 0;
    for (const scan of scans) {
      // Scans the parcel has passed already (or a status staff set first, such as shipped) are skipped.
      if ((TRACKING_RANK[scan.status] ?? 0) <= (TRACKING_RANK[shipment.status] ?? Infinity)) continue;
      shipment = await this.transitions.apply(tx, events, shipment, scan.status, scan.occurredAt, scan.description);
      applied += 1;
    }
    return applied;
  }
}
