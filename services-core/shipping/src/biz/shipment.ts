// The shipment aggregate: a parcel of some of an order's lines, outbound or returning, and the state machine
// every status change goes through (pure; no storage, no transport).
import { FailedPreconditionError } from '@ecommerce/common/errors';

export const SHIPMENT_STATUSES = ['pending', 'label_created', 'shipped', 'in_transit', 'delivered', 'returned', 'canceled'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];
export type ShipmentDirection = 'outbound' | 'return';

/**
 * pending -> label_created -> shipped -> in_transit -> delivered -> returned; shipped may go straight to delivered
 * (a carrier that never scans in transit). Only a parcel the carrier does not hold yet can be canceled.
 * `returned` (outbound parcels only) is reached when every unit came back through return parcels.
 */
const TRANSITIONS: Record<ShipmentStatus, readonly ShipmentStatus[]> = {
  pending: ['label_created', 'canceled'],
  label_created: ['shipped', 'canceled'],
  shipped: ['in_transit', 'delivered'],
  in_transit: ['delivered'],
  delivered: ['returned'],
  returned: [],
  canceled: [],
};

/** Order of progress along the carrier's route: a scan is applied only if it moves the parcel forward. */
export const TRACKING_RANK: Partial<Record<ShipmentStatus, number>> = { label_created: 1, shipped: 2, in_transit: 3, delivered: 4 };

export function canTransition(from: ShipmentStatus, to: ShipmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertTransition(shipment: Pick<Shipment, 'id' | 'status'>, to: ShipmentStatus): void {
  if (!canTransition(shipment.status, to)) {
    throw new FailedPreconditionError(`shipment ${shipment.id} is ${shipment.status} and cannot become ${to}`);
  }
}

export interface ShipmentLine {
  orderLineId: string;
  sku: string;
  quantity: number;
}

export interface Address {
  country: string;
  province: string;
  postcode: string;
  city: string;
  line1: string;
  name: string;
}

export interface TrackingEntry {
  status: ShipmentStatus;
  occurredAt: Date;
  description: string;
}

export interface Shipment {
  id: string;
  orderId: string;
  direction: ShipmentDirection;
  returnOf: string | undefined;
  status: ShipmentStatus;
  optionId: string | undefined;
  destination: Address;
  lines: ShipmentLine[];
  weightGrams: number;
  reason: string;
  reference: string | undefined;
  carrier: string;
  trackingNumber: string | undefined;
  labelUrl: string | undefined;
  labelCreatedAt: Date | undefined;
  history: TrackingEntry[];
  createdAt: Date;
  updatedAt: Date;
}

export interface NewShipment {
  orderId: string;
  direction: ShipmentDirection;
  returnOf: string | undefined;
  optionId: string | undefined;
  destination: Address;
  lines: ShipmentLine[];
  weightGrams: number;
  reason: string;
  reference: string | undefined;
}
