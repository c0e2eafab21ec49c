// A manual correction of on hand at one location (staff, with a reason): damage, loss, a stock count.
import { FailedPreconditionError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import {
  LOCATION_REPOSITORY,
  STOCK_ITEM_REPOSITORY,
  STOCK_LEVEL_REPOSITORY,
  UNIT_OF_WORK,
  type LocationRepository,
  type StockItemRepository,
  type StockLevelRepository,
  type WarehouseUnitOfWork,
} from './ports.js';
import { recordStockChanges } from './stock-events.js';
import { assertKnownLocation, assertKnownSkus } from './stock-guards.js';
import type { StockLevel } from './stock.js';

export interface AdjustStockInput {
  locationId: string;
  sku: string;
  delta: number;
  reason: string;
}

@injectable()
export class AdjustStockUseCase {
  constructor(
    @inject(LOCATION_REPOSITORY) private readonly locations: LocationRepository,
    @inject(STOCK_ITEM_REPOSITORY) private readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) private readonly levels: StockLevelRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  /**
   * Refused when it would take on hand below zero, or below what is reserved there (unless the SKU allows
   * backorder): stock promised to an order is released first, so an adjustment never oversells.
   */
  async execute(input: AdjustStockInput, actor: string): Promise<StockLevel> {
    assertKnownLocation(await this.locations.findMany([input.locationId]), input.locationId, 'location_id');
    const items = await this.items.findMany([input.sku]);
    assertKnownSkus(items, [input.sku], () => 'sku');
    const item = items.get(input.sku)!;
    return this.uow.run(async (tx, events) => {
      await this.levels.ensure(tx, [{ sku: input.sku, locationId: input.locationId }]);
      const level = (await this.levels.lockBySkus(tx, [input.sku])).find((l) => l.locationId === input.locationId)!;
      const onHand = level.onHand + input.delta;
      if (onHand < 0) throw new FailedPreconditionError(`sku ${input.sku}: only ${level.onHand} on hand at ${level.locationCode}`, [{ field: 'delta', message: 'would take on hand below zero' }]);
      if (onHand < level.reserved && !item.backorderAllowed) {
        throw new FailedPreconditionError(`sku ${input.sku}: ${level.reserved} reserved at ${level.locationCode}, on hand may not go below it`, [
          { field: 'delta', message: 'would take on hand below what is reserved' },
        ]);
      }
      const before = await this.levels.totals([input.sku], tx);
      const after = await this.levels.apply(tx, {
        sku: input.sku,
        locationId: input.locationId,
        kind: 'adjustment',
        onHandDelta: input.delta,
        reservedDelta: 0,
        reason: input.reason.trim(),
        actor,
        reference: '',
      });
      recordStockChanges(events, items, before, await this.levels.totals([input.sku], tx), 'adjustment');
      return after;
    });
  }
}
