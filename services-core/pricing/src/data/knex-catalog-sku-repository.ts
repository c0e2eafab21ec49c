// The catalog's word on each product's SKU (from catalog events), keyed by product id.
import { injectable } from 'inversify';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { CatalogSkuRepository } from '../biz/ports.js';

@injectable()
export class KnexCatalogSkuRepository implements CatalogSkuRepository {
  async save(tx: Transaction, product: { productId: string; sku: string; sellable: boolean }): Promise<void> {
    const trx = knexTransaction(tx);
    // A product whose SKU changed keeps one row: the old SKU is no longer the catalog's concern.
    await trx('catalog_skus')
      .insert({ product_id: product.productId, sku: product.sku, sellable: product.sellable })
      .onConflict('product_id')
      .merge({ sku: product.sku, sellable: product.sellable, updated_at: trx.fn.now() });
  }

  markUnsellable(tx: Transaction, productId: string, sku: string): Promise<void> {
    return this.save(tx, { productId, sku, sellable: false });
  }
}
