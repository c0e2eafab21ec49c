// Applying other services' changes to the index, one event at a time, in the consumer's transaction (the inbox
// row commits with the change, so a redelivered event changes nothing). What counts is decided here: only a
// base price is the price shown, a price without tiers is removed, and every entry keeps its source time. No
// event carries a brand's name, so a product naming a brand the index has not seen asks the catalog for it.
import type { Transaction } from '@ecommerce/common/events';
import { inject, injectable } from 'inversify';
import type { CategoryEntry, ProductEntry } from './index-entry.js';
import { CATALOG_READER, INDEX_WRITER, WARNINGS, type CatalogReader, type IndexWriter, type Warnings } from './ports.js';

export interface PriceChange {
  sku: string;
  currency: string;
  /** '' = the base price; a price list's price applies to some buyers only and is not indexed. */
  priceListId: string;
  amountMinor: number;
  tierCount: number;
  changedAt: Date;
}

@injectable()
export class UpdateIndexUseCase {
  constructor(
    @inject(INDEX_WRITER) private readonly index: IndexWriter,
    @inject(CATALOG_READER) private readonly catalog: CatalogReader,
    @inject(WARNINGS) private readonly warnings: Warnings,
  ) {}

  async productChanged(tx: Transaction, product: ProductEntry): Promise<void> {
    if (product.brandId && !(await this.index.hasBrand(tx, product.brandId))) await this.learnBrand(tx, product.brandId);
    await this.index.putProduct(tx, product);
  }

  /**
   * The product is indexed even when the catalog cannot name its brand now: it stays findable by everything else,
   * and the next rebuild (or the next product of that brand) brings the name in. Holding the event back instead
   * would keep every product of the brand out of search while the catalog is away.
   */
  private async learnBrand(tx: Transaction, brandId: string): Promise<void> {
    try {
      const brand = await this.catalog.brand(brandId);
      if (brand) await this.index.putBrand(tx, brand);
      else this.warnings.warn(`brand ${brandId} is unknown to the catalog; indexed without a brand name`);
    } catch (err) {
      this.warnings.warn(`brand ${brandId} not named (${(err as Error).message}); indexed without a brand name until the catalog answers`);
    }
  }

  productDeleted(tx: Transaction, productId: string, at: Date): Promise<void> {
    return this.index.deleteProduct(tx, productId, at);
  }

  categoryChanged(tx: Transaction, category: CategoryEntry): Promise<void> {
    return this.index.putCategory(tx, category);
  }

  categoryDeleted(tx: Transaction, categoryId: string, at: Date): Promise<void> {
    return this.index.deleteCategory(tx, categoryId, at);
  }

  async priceChanged(tx: Transaction, change: PriceChange): Promise<void> {
    if (change.priceListId !== '') return;
    const removed = change.tierCount === 0;
    await this.index.putPrice(tx, { sku: change.sku, currency: change.currency, amountMinor: removed ? null : change.amountMinor, sourceTime: change.changedAt });
  }

  stockChanged(tx: Transaction, stock: { sku: string; inStock: boolean; at: Date }): Promise<void> {
    return this.index.putStock(tx, { sku: stock.sku, inStock: stock.inStock, sourceTime: stock.at });
  }

  ratingChanged(tx: Transaction, rating: { productId: string; average: number; count: number; at: Date }): Promise<void> {
    return this.index.putRating(tx, { productId: rating.productId, average: rating.average, count: rating.count, sourceTime: rating.at });
  }
}
