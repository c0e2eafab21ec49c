// The sweeper: active reservations whose time ran out give their stock back and become `expired`. Run by the
// service's housekeeping scheduler; `now` is a parameter so tests move time instead of waiting.
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
import { SYSTEM_ACTORS } from './stock.js';

const BATCH = 100;

@injectable()
export class ExpireReservationsUseCase {
  constructor(
    @inject(STOCK_ITEM_REPOSITORY) readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) readonly levels: StockLevelRepository,
    @inject(RESERVATION_REPOSITORY) readonly reservations: ReservationRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  /** Expires every reservation due at `now`, one transaction each; returns how many expired. */
  async execute(now: Date): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.reservations.expiredReferences(now, BATCH);
      for (const reference of due) if (await this.expire(reference, now)) expired += 1;
      if (due.length < BATCH) return expired;
    }
  }

  private expire(reference: string, now: Date): Promise<boolean> {
    return this.uow.run(async (tx, events) => {
      // Re-read under the row lock: it may have been committed or released since it was listed.
      const reservation = await this.reservations.find(reference, tx);
      if (!reservation || reservation.status !== 'active' || reservation.expiresAt > now) return false;
      const lines = await releaseHeldStock(this, tx, events, reservation, SYSTEM_ACTORS.sweeper, 'expired');
      await this.reservations.setStatus(tx, reference, 'expired');
      reservationEvents.expired(events, reference, lines);
      return true;
    });
  }
}
