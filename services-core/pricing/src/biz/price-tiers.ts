// Quantity tiers of one price: ranges [min, max] (max undefined = no upper bound), never overlapping.
import { MAX_AMOUNT_MINOR } from './money.js';

export interface PriceTier {
  minQuantity: number;
  /** undefined = no upper bound. */
  maxQuantity: number | undefined;
  amountMinor: number;
}

export interface TierViolation {
  /** Index in the tiers as given, and the tier field at fault. */
  index: number;
  field: 'minQuantity' | 'maxQuantity' | 'amountMinor' | '';
  message: string;
}

/**
 * What is wrong with a tier set. A base price must cover every quantity from 1 without a gap (so every quantity
 * up to its last bound has a price); a price list's tiers may start anywhere (e.g. only from 10 units).
 */
export function tierViolations(tiers: readonly PriceTier[], options: { contiguousFromOne: boolean }): TierViolation[] {
  const violations: TierViolation[] = [];
  tiers.forEach((tier, index) => {
    if (tier.amountMinor > MAX_AMOUNT_MINOR) violations.push({ index, field: 'amountMinor', message: `must be at most ${MAX_AMOUNT_MINOR}` });
    if (tier.maxQuantity !== undefined && tier.maxQuantity < tier.minQuantity) {
      violations.push({ index, field: 'maxQuantity', message: 'must be 0 (no upper bound) or at least min_quantity' });
    }
  });
  if (violations.length > 0) return violations;
  const order = tiers.map((tier, index) => ({ tier, index })).sort((a, b) => a.tier.minQuantity - b.tier.minQuantity);
  order.forEach(({ tier, index }, position) => {
    const previous = order[position - 1]?.tier;
    if (previous === undefined) {
      if (options.contiguousFromOne && tier.minQuantity !== 1) violations.push({ index, field: 'minQuantity', message: 'the first tier of a base price must start at 1' });
      return;
    }
    if (previous.maxQuantity === undefined || previous.maxQuantity >= tier.minQuantity) {
      violations.push({ index, field: 'minQuantity', message: 'overlaps another tier' });
    } else if (options.contiguousFromOne && previous.maxQuantity + 1 !== tier.minQuantity) {
      violations.push({ index, field: 'minQuantity', message: `must be ${previous.maxQuantity + 1}: base price tiers leave no gap` });
    }
  });
  return violations;
}

/** The tier whose range holds `quantity`, if any. */
export function tierFor(tiers: readonly PriceTier[], quantity: number): PriceTier | undefined {
  return tiers.find((t) => t.minQuantity <= quantity && (t.maxQuantity === undefined || quantity <= t.maxQuantity));
}

export function sortTiers(tiers: readonly PriceTier[]): PriceTier[] {
  return [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
}
