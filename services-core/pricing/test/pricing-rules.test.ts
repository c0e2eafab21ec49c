// The pure rules behind CalculatePrices: rounding, tier validation, selection order and tax arithmetic.
import { describe, expect, it } from 'vitest';
import { divideRounded } from '../src/biz/money.js';
import { isLive, targetingScore } from '../src/biz/price-list.js';
import { selectPrice } from '../src/biz/price-selection.js';
import { tierViolations } from '../src/biz/price-tiers.js';
import { regionFor, taxLinesOf, type TaxRegion } from '../src/biz/tax.js';

const region = (over: Partial<TaxRegion>): TaxRegion => ({
  country: 'NL',
  province: '',
  name: 'NL',
  pricesIncludeTax: true,
  rounding: 'line',
  rates: [{ name: 'VAT', rateBps: 900, taxClass: 'standard' }],
  updatedAt: new Date(0),
  ...over,
});

describe('rounding', () => {
  it('rounds half away from zero', () => {
    expect([divideRounded(5n, 2n), divideRounded(-5n, 2n), divideRounded(7n, 3n), divideRounded(-7n, 3n), divideRounded(3990000n, 10900n)]).toEqual([3n, -3n, 2n, -2n, 366n]);
  });
});

describe('tiers', () => {
  it('accepts contiguous base tiers and list tiers that start above 1', () => {
    const base = [
      { minQuantity: 1, maxQuantity: 9, amountMinor: 100 },
      { minQuantity: 10, maxQuantity: undefined, amountMinor: 90 },
    ];
    expect(tierViolations(base, { contiguousFromOne: true })).toEqual([]);
    expect(tierViolations([{ minQuantity: 10, maxQuantity: undefined, amountMinor: 90 }], { contiguousFromOne: false })).toEqual([]);
  });

  it('names the tier that overlaps, whatever the order given', () => {
    const tiers = [
      { minQuantity: 5, maxQuantity: undefined, amountMinor: 90 },
      { minQuantity: 1, maxQuantity: 5, amountMinor: 100 },
    ];
    expect(tierViolations(tiers, { contiguousFromOne: false })).toEqual([{ index: 0, field: 'minQuantity', message: 'overlaps another tier' }]);
  });
});

describe('selection', () => {
  const sale = (id: string, amountMinor: number, score = 0) => ({ priceListId: id, type: 'sale' as const, score, amountMinor });
  const override = (id: string, amountMinor: number, score = 0) => ({ priceListId: id, type: 'override' as const, score, amountMinor });

  it('takes the best override as the base and a sale only when strictly cheaper than it', () => {
    expect(selectPrice(1000, [override('o', 1200), sale('s', 1200)])).toEqual({ unitPriceMinor: 1200, originalUnitPriceMinor: 1200, priceListId: 'o' });
    expect(selectPrice(1000, [override('o', 1200), sale('s', 1100)])).toEqual({ unitPriceMinor: 1100, originalUnitPriceMinor: 1200, priceListId: 's' });
    expect(selectPrice(undefined, [sale('s', 500)])).toBeUndefined();
  });

  it('orders candidates by rules matched, then amount, then list id', () => {
    expect(selectPrice(1000, [sale('b', 500, 1), sale('a', 500, 1), sale('c', 400, 0)])!.priceListId).toBe('a');
    expect(selectPrice(1000, [override('x', 900, 2), override('y', 800, 1)])!.unitPriceMinor).toBe(900);
  });

  it('requires every non-empty targeting rule to match and counts the ones that do', () => {
    const buyer = { customerGroups: ['vip'], country: 'DE', channel: 'web' };
    expect(targetingScore({ customerGroups: ['vip', 'gold'], countries: ['DE'], channels: [] }, buyer)).toBe(2);
    expect(targetingScore({ customerGroups: [], countries: ['FR'], channels: [] }, buyer)).toBeUndefined();
    expect(targetingScore({ customerGroups: [], countries: [], channels: [] }, buyer)).toBe(0);
  });

  it('treats the end time as exclusive and the start time as inclusive', () => {
    const at = new Date('2030-01-01T00:00:00Z');
    expect(isLive({ status: 'active', startsAt: at, endsAt: undefined }, at)).toBe(true);
    expect(isLive({ status: 'active', startsAt: undefined, endsAt: at }, at)).toBe(false);
    expect(isLive({ status: 'draft', startsAt: undefined, endsAt: undefined }, at)).toBe(false);
  });
});

describe('tax', () => {
  it('nets 399.00 at 9 % inclusive to 366.06 a unit, 732.12 for two', () => {
    const [line] = taxLinesOf(region({}), [{ quantity: 2, unitPriceMinor: 39900, taxClass: 'standard' }]);
    expect(line).toEqual({ subtotalMinor: 79800, taxMinor: 6588, totalMinor: 79800, taxLines: [{ name: 'VAT', rateBps: 900, amountMinor: 6588 }] });
  });

  it('splits an inclusive unit tax over several rates so they add up to gross minus net', () => {
    const rates = [
      { name: 'A', rateBps: 500, taxClass: 'standard' },
      { name: 'B', rateBps: 998, taxClass: 'standard' },
    ];
    const [line] = taxLinesOf(region({ rates }), [{ quantity: 1, unitPriceMinor: 999, taxClass: 'standard' }]);
    // net = round(999 / 1.1498) = 869, tax 130 = 43 (5 % of 869) + 87 (the rest).
    expect(line!.taxLines).toEqual([
      { name: 'A', rateBps: 500, amountMinor: 43 },
      { name: 'B', rateBps: 998, amountMinor: 87 },
    ]);
  });

  it('prefers the province region and falls back to the country', () => {
    const regions = [region({ country: 'CA', province: '' }), region({ country: 'CA', province: 'QC', name: 'QC' })];
    expect(regionFor(regions, 'CA', 'QC')!.name).toBe('QC');
    expect(regionFor(regions, 'CA', 'ON')!.province).toBe('');
    expect(regionFor(regions, 'US', '')).toBeUndefined();
  });
});
