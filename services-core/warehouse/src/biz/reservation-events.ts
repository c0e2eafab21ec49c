// The warehouse.reservation.* events, decided by the reservation use cases.
import type { WarehouseEvents } from './ports.js';
import type { Reservation } from './reservation.js';

export interface ReservationLine {
  sku: string;
  /** "" for an untracked SKU. */
  locationId: string;
  quantity: number;
}

export const reservationEvents = {
  created(events: WarehouseEvents, reservation: Reservation): void {
    const lines = reservation.allocations.map((a) => ({ sku: a.sku, locationId: a.locationId ?? '', quantity: a.quantity }));
    events.record('warehouse.reservation.created', { subject: reservation.reference, data: { reference: reservation.reference, lines, expireTime: reservation.expiresAt } });
  },
  released(events: WarehouseEvents, reference: string, lines: ReservationLine[]): void {
    events.record('warehouse.reservation.released', { subject: reference, data: { reference, lines } });
  },
  expired(events: WarehouseEvents, reference: string, lines: ReservationLine[]): void {
    events.record('warehouse.reservation.expired', { subject: reference, data: { reference, lines } });
  },
  committed(events: WarehouseEvents, reference: string, lines: ReservationLine[], status: string): void {
    events.record('warehouse.reservation.committed', { subject: reference, data: { reference, lines, status } });
  },
};
