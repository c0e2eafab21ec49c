// The rules an option's fields must meet together (each field's own range is checked by the request schema):
// checked on create and again on update after the changes are laid over the stored option.
import { ValidationError, type FieldViolation } from '@ecommerce/common/errors';
import type { OptionKind, WeightTier } from './zone.js';

export const MAX_WEIGHT_TIERS = 20;
export const MAX_DELIVERY_DAYS = 365;

export interface OptionPricing {
  kind: OptionKind;
  amountMinor: number;
  weightTiers: WeightTier[];
  minDays: number;
  maxDays: number;
}

export function assertOptionConsistent(option: OptionPricing): void {
  const violations: FieldViolation[] = [];
  if (option.kind === 'weight_tiered') {
    if (option.weightTiers.length === 0) violations.push({ field: 'weight_tiers', message: 'a weight_tiered option needs at least one tier' });
    if (option.amountMinor !== 0) violations.push({ field: 'amount_minor', message: 'must be 0 for a weight_tiered option (its tiers set the price)' });
    option.weightTiers.forEach((tier, i) => {
      const previous = option.weightTiers[i - 1];
      if (previous && tier.maxWeightGrams <= previous.maxWeightGrams) {
        violations.push({ field: `weight_tiers.${i}.max_weight_grams`, message: 'tiers must be in strictly ascending weight order' });
      }
    });
  } else if (option.weightTiers.length > 0) {
    violations.push({ field: 'weight_tiers', message: `must be empty for a ${option.kind} option` });
  }
  if (option.maxDays < option.minDays) violations.push({ field: 'max_days', message: 'must not be less than min_days' });
  if (violations.length > 0) throw new ValidationError(violations);
}
