// What the use cases need: storage behind interfaces, and the unit of work in which a use case's writes and the
// events it decides commit together. data/ implements these; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { ProductRating, RatingDelta } from './rating.js';
import type { Review, ReviewContent, ReviewStatus } from './review.js';

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface ReviewPage {
  reviews: Review[];
  total: number;
}

export type ReviewSort = 'newest' | 'oldest' | 'highest_rating' | 'lowest_rating' | 'most_helpful';

export interface NewReview extends ReviewContent {
  productId: string;
  customerId: string;
  status: ReviewStatus;
  moderationReason: string;
  verifiedPurchase: boolean;
}

export interface ReviewRepository {
  /** Inserts the customer's review of the product; undefined when they have one already (it is not changed). */
  insertIfAbsent(tx: Transaction, review: NewReview): Promise<Review | undefined>;
  /** The customer's review of the product, locked for the rest of the transaction; throws NotFoundError. */
  lockByAuthor(tx: Transaction, customerId: string, productId: string): Promise<Review>;
  /** The review locked for the rest of the transaction; throws NotFoundError. */
  lock(tx: Transaction, id: string): Promise<Review>;
  /** Throws NotFoundError. */
  get(id: string, tx?: Transaction): Promise<Review>;
  /** Replaces the content and the rules' moderation outcome of a locked review. */
  edit(tx: Transaction, id: string, content: ReviewContent, outcome: { status: ReviewStatus; moderationReason: string; verifiedPurchase: boolean }): Promise<Review>;
  moderate(tx: Transaction, id: string, decision: { status: ReviewStatus; reason: string; moderatorId: string }): Promise<Review>;
  setReply(tx: Transaction, id: string, reply: { body: string; authorId: string }): Promise<Review>;
  markVerified(tx: Transaction, id: string): Promise<Review>;
  addHelpful(tx: Transaction, id: string): Promise<Review>;
  delete(tx: Transaction, id: string): Promise<void>;
  listApproved(productId: string, filter: { rating?: number }, sort: ReviewSort, page: PageRequest): Promise<ReviewPage>;
  listForModeration(filter: { statuses: ReviewStatus[]; productId?: string }, page: PageRequest): Promise<ReviewPage>;
}

export interface VoteRepository {
  /** False when the customer had voted for the review already. */
  add(tx: Transaction, reviewId: string, customerId: string): Promise<boolean>;
}

export interface RatingRepository {
  /** Adds `delta` to the product's rating (creating it at zero) and returns the rating after it. */
  apply(tx: Transaction, productId: string, delta: RatingDelta): Promise<ProductRating>;
  get(productId: string): Promise<ProductRating>;
}

/**
 * What a verification decision reads: a submission reads its author's purchases of the product, a purchase reads
 * the reviews it verifies, a product's SKU joins the two. Each takes the locks of what it reads before reading,
 * so of two concurrent writers the later one sees the earlier one's rows (no review left unverified between them).
 */
export interface VerificationScope {
  customers?: string[];
  products?: string[];
  skus?: string[];
}

export interface PurchaseRepository {
  /** Transaction-scoped locks on the scope's keys, taken in one global order (customers, products, SKUs; sorted). */
  lockForVerification(tx: Transaction, scope: VerificationScope): Promise<void>;
  /** Whether the customer received a SKU the product is known by. */
  hasPurchased(tx: Transaction, customerId: string, productId: string): Promise<boolean>;
  rememberOrderCustomer(tx: Transaction, orderId: string, customerId: string): Promise<void>;
  rememberDeliveredSkus(tx: Transaction, orderId: string, skus: string[]): Promise<void>;
  rememberProductSku(tx: Transaction, productId: string, sku: string): Promise<void>;
  /** Turns what is known of the order (its customer, its delivered SKUs) into purchases; the new ones are returned. */
  recordPurchasesOfOrder(tx: Transaction, orderId: string): Promise<Array<{ customerId: string; sku: string }>>;
  /** Ids of unverified reviews whose authors purchased the reviewed product, narrowed to the given customers' SKUs or to a product. */
  unverifiedReviewsOfPurchases(tx: Transaction, scope: { purchases: Array<{ customerId: string; sku: string }> } | { productId: string }): Promise<string[]>;
}

/** The service may emit its own event types only (`review.*`). */
export type ReviewEventType = EmittableBy<EventCatalog, 'review'>;
export type ReviewUnitOfWork = UnitOfWork<EventCatalog, ReviewEventType>;
export type ReviewEvents = EventRecorder<EventCatalog, ReviewEventType>;

export const REVIEW_REPOSITORY = Symbol.for('review.ReviewRepository');
export const VOTE_REPOSITORY = Symbol.for('review.VoteRepository');
export const RATING_REPOSITORY = Symbol.for('review.RatingRepository');
export const PURCHASE_REPOSITORY = Symbol.for('review.PurchaseRepository');
export const UNIT_OF_WORK = Symbol.for('review.UnitOfWork');
export const MODERATION_POLICY = Symbol.for('review.ModerationPolicy');
