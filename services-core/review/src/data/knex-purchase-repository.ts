// What the events told the review service about purchases, in PostgreSQL. Every write is insert-if-absent, so
// an event applied twice changes nothing the second time.
import { injectable } from 'inversify';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { PurchaseRepository, VerificationScope } from '../biz/ports.js';

@injectable()
export class KnexPurchaseRepository implements PurchaseRepository {
  async lockForVerification(tx: Transaction, scope: VerificationScope): Promise<void> {
    const trx = knexTransaction(tx);
    const keys = [
      ...[...new Set(scope.customers ?? [])].sort().map((k) => `customer:${k}`),
      ...[...new Set(scope.products ?? [])].sort().map((k) => `product:${k}`),
      ...[...new Set(scope.skus ?? [])].sort().map((k) => `sku:${k}`),
    ];
    // One at a time, in this order: every caller takes them in the same order, so they cannot deadlock.
    for (const key of keys) await trx.raw('SELECT pg_advisory_xact_lock(hashtextextended(?, 0))', [`review.verification:${key}`]);
  }

  async hasPurchased(tx: Transaction, customerId: string, productId: string): Promise<boolean> {
    const row = await knexTransaction(tx)('purchases as p')
      .join('product_skus as ps', 'ps.sku', 'p.sku')
      .where({ 'p.customer_id': customerId, 'ps.product_id': productId })
      .first(knexTransaction(tx).raw('1 AS found'));
    return row !== undefined;
  }

  async rememberOrderCustomer(tx: Transaction, orderId: string, customerId: string): Promise<void> {
    await knexTransaction(tx)('order_customers').insert({ order_id: orderId, customer_id: customerId }).onConflict('order_id').ignore();
  }

  async rememberDeliveredSkus(tx: Transaction, orderId: string, skus: string[]): Promise<void> {
    const unique = [...new Set(skus)];
    if (unique.length === 0) return;
    await knexTransaction(tx)('delivered_skus').insert(unique.map((sku) => ({ order_id: orderId, sku }))).onConflict(['order_id', 'sku']).ignore();
  }

  async rememberProductSku(tx: Transaction, productId: string, sku: string): Promise<void> {
    const trx = knexTransaction(tx);
    await trx('product_skus').insert({ product_id: productId, sku }).onConflict('product_id').merge({ sku, updated_at: trx.fn.now() });
  }

  async recordPurchasesOfOrder(tx: Transaction, orderId: string): Promise<Array<{ customerId: string; sku: string }>> {
    const { rows } = await knexTransaction(tx).raw<{ rows: Array<{ customer_id: string; sku: string }> }>(
      `INSERT INTO purchases (customer_id, sku)
       SELECT oc.customer_id, ds.sku FROM order_customers oc JOIN delivered_skus ds ON ds.order_id = oc.order_id
       WHERE oc.order_id = ?
       ON CONFLICT (customer_id, sku) DO NOTHING
       RETURNING customer_id, sku`,
      [orderId],
    );
    return rows.map((r) => ({ customerId: r.customer_id, sku: r.sku }));
  }

  async unverifiedReviewsOfPurchases(tx: Transaction, scope: { purchases: Array<{ customerId: string; sku: string }> } | { productId: string }): Promise<string[]> {
    const q = knexTransaction(tx)('reviews as r')
      .join('product_skus as ps', 'ps.product_id', 'r.product_id')
      .join('purchases as p', function () {
        this.on('p.sku', 'ps.sku').andOn('p.customer_id', 'r.customer_id');
      })
      .where('r.verified_purchase', false)
      .distinct('r.id');
    if ('productId' in scope) {
      q.where('r.product_id', scope.productId);
    } else {
      if (scope.purchases.length === 0) return [];
      q.whereIn(['p.customer_id', 'p.sku'], scope.purchases.map((p) => [p.customerId, p.sku]));
    }
    return (await q).map((r: { id: string }) => r.id);
  }
}
