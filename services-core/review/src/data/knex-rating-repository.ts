// Product ratings in PostgreSQL, moved by one atomic upsert per change (the row lock orders concurrent changes
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
    const count = delta.reduce((a, b) => a + b, 0);
    const sum = delta.reduce((a, d, i) => a + d * (i + 1), 0);
    // A new row can only gain reviews (nothing can leave a rating that never counted it), so it is inserted with
    // the gains alone: an insert with the raw delta would have a removal's negative counts checked against the
    // table's CHECKs even when the row exists. An existing row takes the whole delta.
    const gain = delta.map((d) => Math.max(d, 0));
    const { rows } = await knexTransaction(tx).raw<{ rows: RatingRow[] }>(
      `INSERT INTO product_ratings AS r (product_id, review_count, rating_sum, count_1, count_2, count_3, count_4, count_5)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (product_id) DO UPDATE SET
         review_count = r.review_count + ?, rating_sum = r.rating_sum + ?,
         count_1 = r.count_1 + ?, count_2 = r.count_2 + ?, count_3 = r.count_3 + ?, count_4 = r.count_4 + ?, count_5 = r.count_5 + ?
       RETURNING ${COLUMNS.join(', ')}`,
      [productId, gain.reduce((a, b) => a + b, 0), gain.reduce((a, g, i) => a + g * (i + 1), 0), ...gain, count, sum, ...delta],
    );
    return toRating(rows[0]!);
  }

  async get(productId: string): Promise<ProductRating> {
    const row = await this.db('product_ratings').where({ product_id: productId }).first<RatingRow | undefined>(...COLUMNS);
    return row ? toRating(row) : emptyRating(productId);
  }
}
