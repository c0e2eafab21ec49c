// The reviews table's row and its mapping to the domain review (the only place that knows both).
import type { Knex } from '@ecommerce/common/db';
import type { Review, ReviewStatus } from '../biz/review.js';

export interface ReviewRow {
  id: string;
  product_id: string;
  customer_id: string;
  rating: number;
  title: string;
  body: string;
  image_urls: string[];
  status: ReviewStatus;
  moderation_reason: string;
  moderated_by: string;
  verified_purchase: boolean;
  helpful_count: number;
  reply_body: string | null;
  reply_author_id: string | null;
  reply_created_at: Date | null;
  reply_updated_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

export const REVIEW_COLUMNS = [
  'id', 'product_id', 'customer_id', 'rating', 'title', 'body', 'image_urls', 'status', 'moderation_reason', 'moderated_by',
  'verified_purchase', 'helpful_count', 'reply_body', 'reply_author_id', 'reply_created_at', 'reply_updated_at', 'created_at', 'updated_at',
] as const;

export function toReview(row: ReviewRow): Review {
  return {
    id: row.id,
    productId: row.product_id,
    customerId: row.customer_id,
    rating: row.rating,
    title: row.title,
    body: row.body,
    imageUrls: row.image_urls,
    status: row.status,
    moderationReason: row.moderation_reason,
    moderatedBy: row.moderated_by,
    verifiedPurchase: row.verified_purchase,
    helpfulCount: row.helpful_count,
    ...(row.reply_body !== null
      ? { reply: { body: row.reply_body, authorId: row.reply_author_id!, createdAt: row.reply_created_at!, updatedAt: row.reply_updated_at! } }
      : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Runs an UPDATE ... RETURNING on the review and maps the row; undefined when no review has the id. */
export async function updateReview(db: Knex | Knex.Transaction, id: string, changes: Record<string, unknown>): Promise<Review | undefined> {
  const [row] = await db('reviews').where({ id }).update(changes).returning<ReviewRow[]>([...REVIEW_COLUMNS]);
  return row ? toReview(row) : undefined;
}
