// Applying other services' changes to the index, one event at a time, in the consumer's transaction (the inbox
// row commits with the change, so a redelivered event changes nothing). What counts is decided here: only a
// base price is the price shown, a price without tiers is removed, and every entry keeps its source time.
import type { Transaction } from '@ecommerce/common/events';
import { inject, injectable } from 'inversify';
import type { CategoryEntry, ProductEntry } from './index-entry.js';
import { INDEX_WRITER, type IndexWriter } from './ports.js';

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
  constructor(@inject(INDEX_WRITER) private readonly index: IndexWriter) {}

  productChanged(tx: Transaction, product: ProductEntry): Promise<void> {
    return this.index.putProduct(tx, product);
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
