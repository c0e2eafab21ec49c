// Stock arriving at a location: supplier receipts (which also settle what was expected), customer returns, and
// announcements of incoming stock (counted apart: not sellable until received).
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
import { sumLines, type StockLevel, type StockLine } from './stock.js';

export interface LocationLinesInput {
  locationId: string;
  lines: StockLine[];
  reference: string;
}

@injectable()
export class ReceiveStockUseCase {
  constructor(
    @inject(LOCATION_REPOSITORY) private readonly locations: LocationRepository,
    @inject(STOCK_ITEM_REPOSITORY) private readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) private readonly levels: StockLevelRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  /** A `receipt` (incoming goes down by as much, never below zero) or a customer `return`. */
  async receive(input: LocationLinesInput, actor: string, kind: 'receipt' | 'return'): Promise<StockLevel[]> {
    const lines = await this.checked(input);
    return this.uow.run(async (tx, events) => {
      const skus = lines.map((l) => l.sku);
      await this.levels.ensure(tx, skus.map((sku) => ({ sku, locationId: input.locationId })));
      const locked = await this.levels.lockBySkus(tx, skus);
      const before = await this.levels.totals(skus, tx);
      const result: StockLevel[] = [];
      for (const line of lines) {
        const level = locked.find((l) => l.sku === line.sku && l.locationId === input.locationId)!;
        if (kind === 'receipt' && level.incoming > 0) await this.levels.addIncoming(tx, line.sku, input.locationId, -Math.min(level.incoming, line.quantity));
        result.push(
          await this.levels.apply(tx, { sku: line.sku, locationId: input.locationId, kind, onHandDelta: line.quantity, reservedDelta: 0, reason: '', actor, reference: input.reference }),
        );
      }
      recordStockChanges(events, await this.items.findMany(skus, tx), before, await this.levels.totals(skus, tx), kind);
      return result;
    });
  }

  /** Stock announced for a location (a purchase order): only `incoming` moves; the ledger records on-hand changes. */
  async expect(input: LocationLinesInput): Promise<StockLevel[]> {
    const lines = await this.checked(input);
    return this.uow.run(async (tx) => {
      const skus = lines.map((l) => l.sku);
      await this.levels.ensure(tx, skus.map((sku) => ({ sku, locationId: input.locationId })));
      await this.levels.lockBySkus(tx, skus);
      for (const line of lines) await this.levels.addIncoming(tx, line.sku, input.locationId, line.quantity);
      return (await this.levels.lockBySkus(tx, skus)).filter((l) => l.locationId === input.locationId);
    });
  }

  private async checked(input: LocationLinesInput): Promise<StockLine[]> {
    assertKnownLocation(await this.locations.findMany([input.locationId]), input.locationId, 'location_id');
    const items = await this.items.findMany(input.lines.map((l) => l.sku));
    assertKnownSkus(items, input.lines.map((l) => l.sku), (i) => `lines.${i}.sku`);
    return sumLines(input.lines);
  }
}
