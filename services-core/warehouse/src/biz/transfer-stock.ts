// Moving available stock of one SKU between two locations: two `transfer` movements in one transaction.
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
import { availableAt, type StockLevel } from './stock.js';

export interface TransferStockInput {
  fromLocationId: string;
  toLocationId: string;
  sku: string;
  quantity: number;
  reference: string;
}

@injectable()
export class TransferStockUseCase {
  constructor(
    @inject(LOCATION_REPOSITORY) private readonly locations: LocationRepository,
    @inject(STOCK_ITEM_REPOSITORY) private readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) private readonly levels: StockLevelRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  /** Only what is available at the source moves: reserved stock stays where its reservation holds it. */
  async execute(input: TransferStockInput, actor: string): Promise<{ from: StockLevel; to: StockLevel }> {
    const known = await this.locations.findMany([input.fromLocationId, input.toLocationId]);
    assertKnownLocation(known, input.fromLocationId, 'from_location_id');
    assertKnownLocation(known, input.toLocationId, 'to_location_id');
    const items = await this.items.findMany([input.sku]);
    assertKnownSkus(items, [input.sku], () => 'sku');
    return this.uow.run(async (tx, events) => {
      await this.levels.ensure(tx, [input.fromLocationId, input.toLocationId].map((locationId) => ({ sku: input.sku, locationId })));
      const source = (await this.levels.lockBySkus(tx, [input.sku])).find((l) => l.locationId === input.fromLocationId)!;
      if (availableAt(source) < input.quantity) {
        throw new FailedPreconditionError(`sku ${input.sku}: only ${Math.max(0, availableAt(source))} available at ${source.locationCode}`, [
          { field: 'quantity', message: 'more than is available at the source' },
        ]);
      }
      const before = await this.levels.totals([input.sku], tx);
      const move = { sku: input.sku, kind: 'transfer' as const, reservedDelta: 0, reason: '', actor, reference: input.reference };
      const from = await this.levels.apply(tx, { ...move, locationId: input.fromLocationId, onHandDelta: -input.quantity });
      const to = await this.levels.apply(tx, { ...move, locationId: input.toLocationId, onHandDelta: input.quantity });
      recordStockChanges(events, items, before, await this.levels.totals([input.sku], tx), 'transfer');
      return { from, to };
    });
  }
}
