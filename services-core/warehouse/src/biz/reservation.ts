// A reservation: stock held for one reference (an order) until it is committed, released or expires.
// Transitions: active -> committed (everything sold) | released (by the caller) | expired (by the sweeper);
// a partial commit keeps it active. Only an active reservation may change.
import { FailedPreconditionError } from '@ecommerce/common/errors';

export const RESERVATION_STATUSES = ['active', 'committed', 'released', 'expired'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export interface ReservationAllocation {
  id: string;
  sku: string;
  /** null for an untracked SKU: nothing is counted. */
  locationId: string | null;
  locationCode: string;
  quantity: number;
  committed: number;
  released: number;
}

export interface Reservation {
  reference: string;
  status: ReservationStatus;
  country: string;
  expiresAt: Date;
  allocations: ReservationAllocation[];
}

export const MAX_TTL_SECONDS = 30 * 24 * 3600;
export const REFERENCE_MAX_LENGTH = 200;

/** What an allocation still holds. */
export const stillHeld = (a: Pick<ReservationAllocation, 'quantity' | 'committed' | 'released'>): number => a.quantity - a.committed - a.released;

export function assertCommittable(reservation: Reservation): void {
  if (reservation.status !== 'active') {
    throw new FailedPreconditionError(`reservation ${reservation.reference} is ${reservation.status}: nothing left to commit`, [
      { field: 'reference', message: `reservation is ${reservation.status}` },
    ]);
  }
}

export function assertReleasable(reservation: Reservation): void {
  if (reservation.status === 'committed') {
    throw new FailedPreconditionError(`reservation ${reservation.reference} is committed: its stock is sold`, [
      { field: 'reference', message: 'reservation is committed' },
    ]);
  }
}

/** Quantities per SKU a reservation was made for (the idempotency check of a repeated Reserve). */
export function reservedQuantities(reservation: Reservation): Map<string, number> {
  const totals = new Map<string, number>();
  for (const a of reservation.allocations) totals.set(a.sku, (totals.get(a.sku) ?? 0) + a.quantity);
  return totals;
}
