// What a carrier does for the service: issue a label with a tracking number, and report the scans of a parcel.
// Real carriers and the built-in simulated one (providers/simulated-carrier.ts) implement it.
import type { Address, ShipmentDirection } from './shipment.js';

export interface LabelRequest {
  shipmentId: string;
  direction: ShipmentDirection;
  destination: Address;
  weightGrams: number;
}

export interface Label {
  trackingNumber: string;
  labelUrl: string;
}

/** A carrier scan that moves the parcel along: picked up (shipped), in transit, delivered. */
export interface TrackingScan {
  status: 'shipped' | 'in_transit' | 'delivered';
  occurredAt: Date;
  description: string;
}

export interface Carrier {
  /** Stored on the shipment and shown to customers. */
  readonly name: string;
  /** Idempotent per shipment id: asking twice gives the same label. */
  createLabel(request: LabelRequest): Promise<Label>;
  /** Every scan so far of the parcel labelled at `labelCreatedAt`, oldest first. */
  track(parcel: { trackingNumber: string; labelCreatedAt: Date }): Promise<TrackingScan[]>;
}
