// ReleaseReservation: the caller gives a reservation up (checkout failed or the order was canceled). Idempotent: a
// released or expired reservation is answered as it is, and an unknown reference answers "released" so a saga can
// compensate a step that never ran.
import { inject, injectable } from 'inversify';
import {
  RESERVATION_REPOSITORY,
  STOCK_ITEM_REPOSITORY,
  STOCK_LEVEL_REPOSITORY,
  UNIT_OF_WORK,
  type ReservationRepository,
  type StockItemRepository,
  type StockLevelRepository,
  type WarehouseUnitOfWork,
} from './ports.js';
import { releaseHeldStock } from './release-held-stock.js';
import { reservationEvents } from './reservation-events.js';
import { assertReleasable, type Reservation } from './reservation.js';

@injectable()
export class ReleaseReservationUseCase {
  constructor(
    @inject(STOCK_ITEM_REPOSITORY) readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) readonly levels: StockLevelRepository,
    @inject(RESERVATION_REPOSITORY) readonly reservations: ReservationRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  /** Fully committed -> FAILED_PRECONDITION (the stock is sold; a return brings it back). */
  execute(reference: string, actor: string): Promise<Reservation> {
    return this.uow.run(async (tx, events) => {
      const reservation = await this.reservations.find(reference, tx);
      if (!reservation) return { reference, status: 'released', country: '', expiresAt: new Date(0), allocations: [] };
      if (reservation.status === 'released' || reservation.status === 'expired') return reservation;
      assertReleasable(reservation);
      const lines = await releaseHeldStock(this, tx, events, reservation, actor, 'released');
      await this.reservations.setStatus(tx, reference, 'released');
      reservationEvents.released(events, reference, lines);
      return (await this.reservations.find(reference, tx))!;
    });
  }
}
