// A product's rating over its approved reviews, and how a change to one review moves it. The stored numbers are
// integers (count per star and their sum); the average is derived, rounded to 2 decimals half away from zero.

export type Stars = 1 | 2 | 3 | 4 | 5;

export interface ProductRating {
  productId: string;
  count: number;
  ratingSum: number;
  /** Index 0 holds the count of 1-star reviews, index 4 of 5-star ones. */
  histogram: [number, number, number, number, number];
}

/** Per-star change in approved reviews: +1 where a review enters, -1 where one leaves. */
export type RatingDelta = [number, number, number, number, number];

/** What a review adds to its product's rating: its stars when approved, nothing otherwise. */
export interface RatingContribution {
  status: string;
  rating: number;
}

export function emptyRating(productId: string): ProductRating {
  return { productId, count: 0, ratingSum: 0, histogram: [0, 0, 0, 0, 0] };
}

/**
 * The delta from a review's state before a change to its state after (undefined for a review that did not or
 * no longer exists). An edit of an approved review moves one review from its old stars to its new ones; an
 * approval adds it; a rejection or a deletion takes it away; anything else leaves the rating alone (all zeros).
 */
export function ratingDelta(before: RatingContribution | undefined, after: RatingContribution | undefined): RatingDelta {
  const delta: RatingDelta = [0, 0, 0, 0, 0];
  if (before?.status === 'approved') delta[before.rating - 1]! -= 1;
  if (after?.status === 'approved') delta[after.rating - 1]! += 1;
  return delta;
}

export function isNoChange(delta: RatingDelta): boolean {
  return delta.every((d) => d === 0);
}

/** Sum over count with 2 decimals, half away from zero (the sum is never negative); integer arithmetic until the one division. */
export function averageOf(rating: Pick<ProductRating, 'count' | 'ratingSum'>): number {
  if (rating.count === 0) return 0;
  const hundredths = Math.floor((rating.ratingSum * 200 + rating.count) / (2 * rating.count));
  return hundredths / 100;
}
