// Reviews in PostgreSQL. Writes run in the unit of work's transaction; which events a change causes and how the
// rating moves are decided by the use cases, not here.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { NewReview, PageRequest, ReviewPage, ReviewRepository, ReviewSort } from '../biz/ports.js';
import type { Review, ReviewContent, ReviewStatus } from '../biz/review.js';
import { TOKENS } from '../tokens.js';
import { REVIEW_COLUMNS, toReview, updateReview, type ReviewRow } from './rows.js';

/** Every order ends with the id, so pages never overlap or skip a review. */
const ORDER_BY: Record<ReviewSort, Array<{ column: string; order: 'asc' | 'desc' }>> = {
  newest: [{ column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }],
  oldest: [{ column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }],
  highest_rating: [{ column: 'rating', order: 'desc' }, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }],
  lowest_rating: [{ column: 'rating', order: 'asc' }, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }],
  most_helpful: [{ column: 'helpful_count', order: 'desc' }, { column: 'created_at', order: 'desc' }, { column: 'id', order: 'desc' }],
};

@injectable()
export class KnexReviewRepository implements ReviewRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async insertIfAbsent(tx: Transaction, review: NewReview): Promise<Review | undefined> {
    const [row] = await knexTransaction(tx)('reviews')
      .insert({
        product_id: review.productId,
        customer_id: review.customerId,
        rating: review.rating,
        title: review.title,
        body: review.body,
        image_urls: review.imageUrls,
        status: review.status,
        moderation_reason: review.moderationReason,
        verified_purchase: review.verifiedPurchase,
      })
      .onConflict(['customer_id', 'product_id'])
      .ignore()
      .returning<ReviewRow[]>([...REVIEW_COLUMNS]);
    return row ? toReview(row) : undefined;
  }

  async lockByAuthor(tx: Transaction, customerId: string, productId: string): Promise<Review> {
    const row = await knexTransaction(tx)('reviews').where({ customer_id: customerId, product_id: productId }).forUpdate().first<ReviewRow | undefined>(...REVIEW_COLUMNS);
    if (!row) throw new NotFoundError('review of product', productId);
    return toReview(row);
  }

  async lock(tx: Transaction, id: string): Promise<Review> {
    const row = await knexTransaction(tx)('reviews').where({ id }).forUpdate().first<ReviewRow | undefined>(...REVIEW_COLUMNS);
    if (!row) throw new NotFoundError('review', id);
    return toReview(row);
  }

  async get(id: string, tx?: Transaction): Promise<Review> {
    const row = await (tx ? knexTransaction(tx) : this.db)('reviews').where({ id }).first<ReviewRow | undefined>(...REVIEW_COLUMNS);
    if (!row) throw new NotFoundError('review', id);
    return toReview(row);
  }

  edit(tx: Transaction, id: string, content: ReviewContent, outcome: { status: ReviewStatus; moderationReason: string; verifiedPurchase: boolean }): Promise<Review> {
    return this.update(tx, id, {
      rating: content.rating,
      title: content.title,
      body: content.body,
      image_urls: content.imageUrls,
      status: outcome.status,
      moderation_reason: outcome.moderationReason,
      moderated_by: '',
      verified_purchase: outcome.verifiedPurchase,
    });
  }

  moderate(tx: Transaction, id: string, decision: { status: ReviewStatus; reason: string; moderatorId: string }): Promise<Review> {
    return this.update(tx, id, { status: decision.status, moderation_reason: decision.reason, moderated_by: decision.moderatorId });
  }

  setReply(tx: Transaction, id: string, reply: { body: string; authorId: string }): Promise<Review> {
    const trx = knexTransaction(tx);
    return this.update(tx, id, {
      reply_body: reply.body,
      reply_author_id: reply.authorId,
      reply_created_at: trx.raw('coalesce(reply_created_at, now())'),
      reply_updated_at: trx.fn.now(),
    });
  }

  markVerified(tx: Transaction, id: string): Promise<Review> {
    return this.update(tx, id, { verified_purchase: true });
  }

  addHelpful(tx: Transaction, id: string): Promise<Review> {
    return this.update(tx, id, { helpful_count: knexTransaction(tx).raw('helpful_count + 1') });
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    const deleted = await knexTransaction(tx)('reviews').where({ id }).delete();
    if (deleted === 0) throw new NotFoundError('review', id);
  }

  async listApproved(productId: string, filter: { rating?: number }, sort: ReviewSort, page: PageRequest): Promise<ReviewPage> {
    const matching = () => {
      const q = this.db('reviews').where({ product_id: productId, status: 'approved' });
      if (filter.rating) q.where('rating', filter.rating);
      return q;
    };
    return this.page(matching, ORDER_BY[sort], page);
  }

  async listForModeration(filter: { statuses: ReviewStatus[]; productId?: string }, page: PageRequest): Promise<ReviewPage> {
    const matching = () => {
      const q = this.db('reviews').whereIn('status', filter.statuses);
      if (filter.productId) q.where('product_id', filter.productId);
      return q;
    };
    return this.page(matching, ORDER_BY.oldest, page);
  }

  private async page(matching: () => Knex.QueryBuilder, orderBy: Array<{ column: string; order: 'asc' | 'desc' }>, page: PageRequest): Promise<ReviewPage> {
    const [count] = await matching().count<{ total: string }[]>({ total: '*' });
    const rows = await matching().select(...REVIEW_COLUMNS).orderBy(orderBy).limit(page.pageSize).offset((page.page - 1) * page.pageSize);
    return { reviews: (rows as ReviewRow[]).map(toReview), total: Number(count?.total ?? 0) };
  }

  private async update(tx: Transaction, id: string, changes: Record<string, unknown>): Promise<Review> {
    const review = await updateReview(knexTransaction(tx), id, changes);
    if (!review) throw new NotFoundError('review', id);
    return review;
  }
}
