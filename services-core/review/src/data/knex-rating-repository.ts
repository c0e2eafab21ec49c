// Product ratings in PostgreSQL, moved by one atomic increment per change (the row lock orders concurrent changes
// of one product; the table's checks refuse a negative count, or a count or sum that disagrees with the histogram).
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { RatingRepository } from '../biz/ports.js';
import { emptyRating, type ProductRating, type RatingDelta } from '../biz/rating.js';
import { TOKENS } from '../tokens.js';

interface RatingRow {
  product_id: string;
  review_count: number;
  rating_sum: string | number;
  count_1: number;
  count_2: number;
  count_3: number;
  count_4: number;
  count_5: number;
}

const COLUMNS = ['product_id', 'review_count', 'rating_sum', 'count_1', 'count_2', 'count_3', 'count_4', 'count_5'];

function toRating(row: RatingRow): ProductRating {
  return {
    productId: row.product_id,
    count: row.review_count,
    ratingSum: Number(row.rating_sum),
    histogram: [row.count_1, row.count_2, row.count_3, row.count_4, row.count_5],
  };
}

@injectable()
export class KnexRatingRepository implements RatingRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async apply(tx: Transaction, productId: string, delta: RatingDelta): Promise<ProductRating> {
    const trx = knexTransaction(tx);
    // The row first, at zero: an upsert would check the delta itself (negative on a removal) against the table's checks.
    await trx('product_ratings').insert({ product_id: productId }).onConflict('product_id').ignore();
    const count = delta.reduce((a, b) => a + b, 0);
    const sum = delta.reduce((a, d, i) => a + d * (i + 1), 0);
    const [row] = await trx('product_ratings')
      .where({ product_id: productId })
      .update({
        review_count: trx.raw('review_count + ?', [count]),
        rating_sum: trx.raw('rating_sum + ?', [sum]),
        count_1: trx.raw('count_1 + ?', [delta[0]]),
        count_2: trx.raw('count_2 + ?', [delta[1]]),
        count_3: trx.raw('count_3 + ?', [delta[2]]),
        count_4: trx.raw('count_4 + ?', [delta[3]]),
        count_5: trx.raw('count_5 + ?', [delta[4]]),
      })
      .returning<RatingRow[]>(COLUMNS);
    return toRating(row!);
  }

  async get(productId: string): Promise<ProductRating> {
    const row = await this.db('product_ratings').where({ product_id: productId }).first<RatingRow | undefined>(...COLUMNS);
    return row ? toRating(row) : emptyRating(productId);
  }
}
