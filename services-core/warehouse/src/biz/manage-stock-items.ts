// A SKU's stock settings (staff, or a catalog product event) and its levels per location.
import { NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import {
  STOCK_ITEM_REPOSITORY,
  STOCK_LEVEL_REPOSITORY,
  UNIT_OF_WORK,
  type StockItemRepository,
  type StockLevelRepository,
  type WarehouseUnitOfWork,
} from './ports.js';
import type { StockItem, StockItemSettings, StockLevel, StockTotals } from './stock.js';

export interface StockItemView {
  item: StockItem;
  levels: StockLevel[];
  totals: StockTotals;
}

@injectable()
export class ManageStockItemsUseCase {
  constructor(
    @inject(STOCK_ITEM_REPOSITORY) private readonly items: StockItemRepository,
    @inject(STOCK_LEVEL_REPOSITORY) private readonly levels: StockLevelRepository,
    @inject(UNIT_OF_WORK) private readonly uow: WarehouseUnitOfWork,
  ) {}

  set(settings: StockItemSettings): Promise<StockItem> {
    return this.uow.run((tx) => this.items.upsert(tx, settings));
  }

  /** A catalog product's SKU gets a stock item with default settings (tracked, no backorder); existing ones stay. */
  ensureForProduct(sku: string, productId: string): Promise<boolean> {
    return this.uow.run((tx) => this.items.ensure(tx, sku, productId));
  }

  async get(sku: string): Promise<StockItemView> {
    const item = (await this.items.findMany([sku])).get(sku);
    if (!item) throw new NotFoundError('stock item', sku);
    const [levels, totals] = await Promise.all([this.levels.listBySku(sku), this.levels.totals([sku])]);
    return { item, levels, totals: totals.get(sku)! };
  }
}
