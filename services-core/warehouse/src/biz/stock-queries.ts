// Reads: availability of many SKUs at once (public, the cart asks on every change), a reservation, the ledger.
import { NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import {
  MOVEMENT_REPOSITORY,
  RESERVATION_REPOSITORY,
  STOCK_ITEM_REPOSITORY,
  STOCK_LEVEL_REPOSITORY,
  type MovementFilter,
  type MovementRepository,
  type ReservationRepository,
  type StockItemRepository,
  type StockLevelRepository,
} from './ports.js';
import type { Reservation } from './reservation.js';
import type { Movement } from './stock.js';

export interface SkuAvailability {
  sku: string;
  /** on hand - reserved over active locations; 0 for an untracked SKU (it is never counted). */
  available: number;
  /** available > 0, or untracked. Whether it may be ordered anyway is `backorderAllowed`. */
  inStock: boolean;
  backorderAllowed: boolean;
  tracked: boolean;
}

@injectable()
export class StockQueriesUseCase {
  constructor(
    @inject(STOCK_ITEM_REPOSITORY) private readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) private readonly levels: StockLevelRepository,
    @inject(RESERVATION_REPOSITORY) private readonly reservations: ReservationRepository,
    @inject(MOVEMENT_REPOSITORY) private readonly movements: MovementRepository,
  ) {}

  /**
   * In the order asked. A SKU the warehouse has no stock item for is left out of the answer (nothing is stocked
   * under it): a cart asking about a product the catalog event has not reached yet sees it as not stocked, rather
   * than an error about a field its customer never typed.
   */
  async availability(skus: string[]): Promise<SkuAvailability[]> {
    const items = await this.items.findMany(skus);
    const totals = await this.levels.totals(skus.filter((sku) => items.has(sku)));
    return skus.flatMap((sku) => {
      const item = items.get(sku);
      if (!item) return [];
      const available = item.tracked ? totals.get(sku)!.available : 0;
      return [{ sku, available, inStock: !item.tracked || available > 0, backorderAllowed: item.backorderAllowed, tracked: item.tracked }];
    });
  }

  async reservation(reference: string): Promise<Reservation> {
    const reservation = await this.reservations.find(reference);
    if (!reservation) throw new NotFoundError('reservation', reference);
    return reservation;
  }

  movementsOf(filter: MovementFilter): Promise<Movement[]> {
    return this.movements.list(filter);
  }
}
