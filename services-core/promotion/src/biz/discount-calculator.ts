// What one promotion takes off a cart whose earlier promotions already took their part: it only ever works on
// what is left of each line and of shipping, so stacking can never drive a line, shipping or the total below zero.
import type { Cart, CartLine } from './cart.js';
import { qualifies } from './eligibility.js';
import { allocateProportionally, minBig, percentageOf } from './money.js';
import type { Promotion } from './promotion.js';

/** What is still payable, per line id and for shipping. */
export interface Remaining {
  lines: Map<string, bigint>;
  shipping: bigint;
}

export interface Discount {
  lines: Map<string, bigint>;
  shipping: bigint;
}

export function calculateDiscount(p: Promotion, cart: Cart, left: Remaining): Discount {
  if (p.target === 'shipping') {
    const shipping = p.discountType === 'free_shipping' ? left.shipping : p.discountType === 'fixed' ? minBig(BigInt(p.amountMinor), left.shipping) : percentageOf(left.shipping, p.percentageBps);
    return { lines: new Map(), shipping };
  }
  const lines = p.target === 'order' ? cart.lines : cart.lines.filter((l) => qualifies(p, l));
  if (p.discountType === 'buy_x_get_y') return { lines: buyXGetY(p, lines, left), shipping: 0n };
  const units = p.target === 'items' ? unitsInScope(lines, p.maxQuantity) : new Map(lines.map((l) => [l.lineId, l.quantity]));
  // The part of each line the promotion covers: the covered units' share of what is left of the line.
  const bases = lines.map((l) => (left.lines.get(l.lineId)! * BigInt(units.get(l.lineId) ?? 0)) / BigInt(l.quantity));
  let amounts: bigint[];
  if (p.discountType === 'percentage') {
    amounts = p.target === 'order' ? spread(percentageOf(sum(bases), p.percentageBps), bases) : bases.map((b) => percentageOf(b, p.percentageBps));
  } else if (p.target === 'items' && p.allocation === 'per_item') {
    amounts = lines.map((l, i) => minBig(BigInt(p.amountMinor) * BigInt(units.get(l.lineId) ?? 0), bases[i]!));
  } else {
    amounts = spread(minBig(BigInt(p.amountMinor), sum(bases)), bases);
  }
  return { lines: new Map(lines.map((l, i) => [l.lineId, amounts[i]!])), shipping: 0n };
}

const sum = (xs: bigint[]) => xs.reduce((a, b) => a + b, 0n);
const spread = allocateProportionally;

/** Units covered per line under a max quantity: the dearest units first (ties by line id), so the cap is stable. */
function unitsInScope(lines: CartLine[], maxQuantity: number): Map<string, number> {
  if (maxQuantity === 0) return new Map(lines.map((l) => [l.lineId, l.quantity]));
  const byPrice = [...lines].sort((a, b) => b.unitPriceMinor - a.unitPriceMinor || compare(a.lineId, b.lineId));
  const covered = new Map<string, number>();
  let budget = maxQuantity;
  for (const l of byPrice) {
    const n = Math.min(budget, l.quantity);
    covered.set(l.lineId, n);
    budget -= n;
  }
  return covered;
}

/**
 * For every buy_quantity + get_quantity qualifying units, get_quantity of them are discounted by percentage_bps:
 * the cheapest units of the cart (ties by line id), capped by max_quantity discounted units.
 */
function buyXGetY(p: Promotion, lines: CartLine[], left: Remaining): Map<string, bigint> {
  const unitCount = lines.reduce((n, l) => n + l.quantity, 0);
  let free = Math.floor(unitCount / (p.buyQuantity + p.getQuantity)) * p.getQuantity;
  if (p.maxQuantity > 0) free = Math.min(free, p.maxQuantity);
  const result = new Map<string, bigint>();
  const cheapestFirst = [...lines].sort((a, b) => a.unitPriceMinor - b.unitPriceMinor || compare(a.lineId, b.lineId));
  for (const l of cheapestFirst) {
    const n = Math.min(free, l.quantity);
    free -= n;
    const base = (left.lines.get(l.lineId)! * BigInt(n)) / BigInt(l.quantity);
    result.set(l.lineId, percentageOf(base, p.percentageBps));
  }
  return result;
}

export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
