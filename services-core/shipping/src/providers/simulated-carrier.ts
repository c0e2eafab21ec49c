// The built-in SIMULATED carrier for tests and `make dev`: no parcel moves anywhere. It issues labels with
// tracking numbers derived from the shipment id and scans parcels on a fixed timetable measured from the
// label's creation on the injected clock: picked up after 2 h, in transit after 6 h, delivered after 48 h.
import { createHash } from 'node:crypto';
import type { Carrier, Label, LabelRequest, TrackingScan } from '../biz/carrier.js';
import type { Clock } from '../biz/ports.js';

const HOUR_MS = 3_600_000;

export const SIMULATED_CARRIER_TIMETABLE: readonly { status: TrackingScan['status']; afterMs: number; description: string }[] = [
  { status: 'shipped', afterMs: 2 * HOUR_MS, description: 'picked up by the simulated carrier' },
  { status: 'in_transit', afterMs: 6 * HOUR_MS, description: 'in transit (simulated)' },
  { status: 'delivered', afterMs: 48 * HOUR_MS, description: 'delivered (simulated)' },
];

export class SimulatedCarrier implements Carrier {
  readonly name = 'simulated';

  constructor(private readonly clock: Clock) {}

  createLabel(request: LabelRequest): Promise<Label> {
    // Derived from the shipment id, so a retried label request gets the same number.
    const digits = BigInt(`0x${createHash('sha256').update(request.shipmentId).digest('hex').slice(0, 15)}`).toString().padStart(18, '0').slice(-12);
    const trackingNumber = `SIM${request.direction === 'return' ? 'R' : 'O'}${digits}`;
    return Promise.resolve({ trackingNumber, labelUrl: `https://labels.simulated-carrier.invalid/${trackingNumber}.pdf` });
  }

  track(parcel: { trackingNumber: string; labelCreatedAt: Date }): Promise<TrackingScan[]> {
    const elapsed = this.clock.now().getTime() - parcel.labelCreatedAt.getTime();
    const scans = SIMULATED_CARRIER_TIMETABLE.filter((step) => elapsed >= step.afterMs).map((step) => ({
      status: step.status,
      occurredAt: new Date(parcel.labelCreatedAt.getTime() + step.afterMs),
      description: step.description,
    }));
    return Promise.resolve(scans);
  }
}
