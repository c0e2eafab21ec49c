// Which price a line gets (README "Selection"): pure, deterministic, one place.
import type { PriceListType } from './price-list.js';

/** A live list price eligible for the buyer whose tier covers the line's quantity. */
export interface ListCandidate {
  priceListId: string;
  type: PriceListType;
  /** Targeting rules the buyer matched. */
  score: number;
  amountMinor: number;
}

export interface SelectedPrice {
  unitPriceMinor: number;
  /** The effective base: shown as the compare-at price. */
  originalUnitPriceMinor: number;
  /** '' = the base price. */
  priceListId: string;
}

/** Most rules matched, then the lowest amount, then the smallest list id. */
function better(a: ListCandidate, b: ListCandidate): ListCandidate {
  if (a.score !== b.score) return a.score > b.score ? a : b;
  if (a.amountMinor !== b.amountMinor) return a.amountMinor < b.amountMinor ? a : b;
  return a.priceListId < b.priceListId ? a : b;
}

function best(candidates: readonly ListCandidate[]): ListCandidate | undefined {
  return candidates.reduce<ListCandidate | undefined>((chosen, c) => (chosen ? better(chosen, c) : c), undefined);
}

/**
 * effective base = the best override candidate, else the base tier; a sale candidate applies only when it is
 * strictly cheaper than that base (the best such one wins). undefined = no price at all for this quantity.
 */
export function selectPrice(baseTierAmount: number | undefined, candidates: readonly ListCandidate[]): SelectedPrice | undefined {
  const override = best(candidates.filter((c) => c.type === 'override'));
  const baseAmount = override?.amountMinor ?? baseTierAmount;
  if (baseAmount === undefined) return undefined;
  const sale = best(candidates.filter((c) => c.type === 'sale' && c.amountMinor < baseAmount));
  if (sale) return { unitPriceMinor: sale.amountMinor, originalUnitPriceMinor: baseAmount, priceListId: sale.priceListId };
  return { unitPriceMinor: baseAmount, originalUnitPriceMinor: baseAmount, priceListId: override?.priceListId ?? '' };
}
