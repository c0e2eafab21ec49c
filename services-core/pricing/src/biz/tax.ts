// Tax regions and the tax arithmetic of a cart (README "Tax and rounding"). Pure: integers and BigInt only.
import { divideRounded } from './money.js';

export type TaxRounding = 'line' | 'total';
export const DEFAULT_TAX_CLASS = 'standard';

export interface TaxRate {
  name: string;
  rateBps: number;
  taxClass: string;
}

export interface TaxRegion {
  country: string;
  /** '' = the whole country. */
  province: string;
  name: string;
  pricesIncludeTax: boolean;
  rounding: TaxRounding;
  rates: TaxRate[];
  updatedAt: Date;
}

export interface TaxClass {
  code: string;
  name: string;
}

export interface TaxableLine {
  quantity: number;
  /** Gross when the region's prices include tax, net otherwise. */
  unitPriceMinor: number;
  taxClass: string;
}

export interface TaxAmount {
  name: string;
  rateBps: number;
  amountMinor: number;
}

export interface TaxedLine {
  subtotalMinor: number;
  taxLines: TaxAmount[];
  taxMinor: number;
  /** What the customer pays for the line. */
  totalMinor: number;
}

const BPS = 10_000n;
/** Per-total rounding carries each line's exact share to a millionth of a minor unit before the one rounding. */
const MICRO = 1_000_000n;

/** A province's own region wins over its country's; no region = no tax. */
export function regionFor(regions: readonly TaxRegion[], country: string, province: string): TaxRegion | undefined {
  return regions.find((r) => r.country === country && province !== '' && r.province === province) ?? regions.find((r) => r.country === country && r.province === '');
}

export function taxLinesOf(region: TaxRegion | undefined, lines: readonly TaxableLine[]): TaxedLine[] {
  const inclusive = region?.pricesIncludeTax ?? false;
  const ratesOf = (line: TaxableLine) => region?.rates.filter((r) => r.taxClass === line.taxClass) ?? [];
  const amounts = region?.rounding === 'total' ? perTotal(lines, ratesOf, inclusive) : lines.map((line) => perLine(line, ratesOf(line), inclusive));
  return lines.map((line, i) => {
    const subtotalMinor = line.unitPriceMinor * line.quantity;
    const taxLines = amounts[i]!;
    const taxMinor = taxLines.reduce((sum, t) => sum + t.amountMinor, 0);
    return { subtotalMinor, taxLines, taxMinor, totalMinor: inclusive ? subtotalMinor : subtotalMinor + taxMinor };
  });
}

/**
 * Per line: one unit's tax is rounded (half away from zero), then multiplied by the quantity. With tax-inclusive
 * prices the unit net is gross / (1 + sum of rates) rounded, the unit tax is gross - net, and it is split over the
 * rates by each rate's share of the net, the last rate taking the rounding difference.
 */
function perLine(line: TaxableLine, rates: readonly TaxRate[], inclusive: boolean): TaxAmount[] {
  if (rates.length === 0) return [];
  const unit = BigInt(line.unitPriceMinor);
  const quantity = BigInt(line.quantity);
  let unitTaxes: bigint[];
  if (inclusive) {
    const totalBps = rates.reduce((sum, r) => sum + BigInt(r.rateBps), 0n);
    const unitNet = divideRounded(unit * BPS, BPS + totalBps);
    const unitTax = unit - unitNet;
    unitTaxes = rates.map((r) => divideRounded(unitNet * BigInt(r.rateBps), BPS));
    const spread = unitTaxes.reduce((sum, t) => sum + t, 0n);
    unitTaxes[unitTaxes.length - 1]! += unitTax - spread;
  } else {
    unitTaxes = rates.map((r) => divideRounded(unit * BigInt(r.rateBps), BPS));
  }
  return rates.map((r, i) => ({ name: r.name, rateBps: r.rateBps, amountMinor: Number(unitTaxes[i]! * quantity) }));
}

/**
 * Per total: each line's exact tax per rate (to a millionth) is summed over the cart and rounded once per rate; the
 * rounded total is spread back over the lines by largest remainder (ties: earlier line first), so lines add up.
 */
function perTotal(lines: readonly TaxableLine[], ratesOf: (line: TaxableLine) => TaxRate[], inclusive: boolean): TaxAmount[][] {
  const result: TaxAmount[][] = lines.map(() => []);
  const shares = new Map<string, { rate: TaxRate; micro: Array<{ line: number; micro: bigint }> }>();
  lines.forEach((line, index) => {
    const rates = ratesOf(line);
    const totalBps = rates.reduce((sum, r) => sum + BigInt(r.rateBps), 0n);
    const amount = BigInt(line.unitPriceMinor) * BigInt(line.quantity);
    for (const rate of rates) {
      const denominator = inclusive ? BPS + totalBps : BPS;
      const micro = divideRounded(amount * BigInt(rate.rateBps) * MICRO, denominator);
      const key = `${rate.name}\u0000${rate.rateBps}`;
      const entry = shares.get(key) ?? { rate, micro: [] };
      entry.micro.push({ line: index, micro });
      shares.set(key, entry);
    }
  });
  for (const { rate, micro } of shares.values()) {
    const total = divideRounded(micro.reduce((sum, m) => sum + m.micro, 0n), MICRO);
    const floors = micro.map((m) => ({ ...m, floor: m.micro / MICRO, remainder: m.micro % MICRO }));
    let left = total - floors.reduce((sum, f) => sum + f.floor, 0n);
    const byRemainder = [...floors].sort((a, b) => (a.remainder === b.remainder ? a.line - b.line : a.remainder > b.remainder ? -1 : 1));
    for (const f of byRemainder) {
      if (left <= 0n) break;
      f.floor += 1n;
      left -= 1n;
    }
    for (const f of floors) result[f.line]!.push({ name: rate.name, rateBps: rate.rateBps, amountMinor: Number(f.floor) });
  }
  return result;
}
