// Tax in CalculatePrices through the real gRPC API: inclusive and exclusive regions, per-line and per-total
// rounding, tax classes per SKU, a province's own region (README "Tax and rounding").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calculate, setBasePrice, setTaxRegion } from './fixtures.js';
import { rejectionOf, startHarness, uniqueSku, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  await h.call('createTaxClass', { code: 'reduced', name: 'Reduced rate' });
  await setTaxRegion(h, { country: 'NL', inclusive: true, rates: [{ name: 'BTW', rateBps: 900 }] });
  await setTaxRegion(h, {
    country: 'DE',
    inclusive: true,
    rates: [
      { name: 'MwSt', rateBps: 1900 },
      { name: 'MwSt ermäßigt', rateBps: 700, taxClass: 'reduced' },
    ],
  });
  await setTaxRegion(h, { country: 'US', inclusive: false, rates: [{ name: 'Sales tax', rateBps: 625 }] });
  await setTaxRegion(h, { country: 'CA', inclusive: false, rates: [{ name: 'GST', rateBps: 500 }] });
  await setTaxRegion(h, {
    country: 'CA',
    province: 'QC',
    inclusive: false,
    rates: [
      { name: 'GST', rateBps: 500 },
      { name: 'QST', rateBps: 998 },
    ],
  });
  await setTaxRegion(h, { country: 'FI', inclusive: true, perTotal: true, rates: [{ name: 'ALV', rateBps: 2550 }] });
});
afterAll(() => h?.close());

describe('tax', () => {
  it('nets 399.00 tax-inclusive at 9 % times 2 to 732.12 with per-line rounding', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 39900);

    const cart = await calculate(h, [{ sku, quantity: 2 }], { country: 'NL' });

    // unit net 399.00 / 1.09 = 366.055 -> 366.06, unit tax 32.94; the line is twice that.
    expect(cart.taxInclusive).toBe(true);
    expect(cart.lines[0]).toMatchObject({
      unitPriceMinor: 39900,
      subtotalMinor: 79800,
      taxMinor: 6588,
      totalMinor: 79800,
      taxLines: [{ name: 'BTW', rateBps: 900, amountMinor: 6588 }],
    });
    expect(cart.lines[0]!.subtotalMinor - cart.lines[0]!.taxMinor).toBe(73212);
    expect(cart).toMatchObject({ subtotalMinor: 79800, taxMinor: 6588, totalMinor: 79800, taxLines: [{ name: 'BTW', rateBps: 900, amountMinor: 6588 }] });
  });

  it('taxes each SKU at the rate of its tax class, a SKU never assigned being standard', async () => {
    const book = uniqueSku('BOOK');
    const lamp = uniqueSku('LAMP');
    await setBasePrice(h, book, 1070);
    await setBasePrice(h, lamp, 1190);
    await h.call('assignTaxClass', { sku: book, taxClass: 'reduced' });

    const cart = await calculate(h, [{ sku: book }, { sku: lamp }], { country: 'DE' });

    expect(cart.lines[0]!.taxLines).toEqual([{ name: 'MwSt ermäßigt', rateBps: 700, amountMinor: 70 }]);
    expect(cart.lines[1]!.taxLines).toEqual([{ name: 'MwSt', rateBps: 1900, amountMinor: 190 }]);
    expect(cart).toMatchObject({ subtotalMinor: 2260, taxMinor: 260, totalMinor: 2260 });
  });

  it('adds tax on top in a tax-exclusive region, rounding each unit half away from zero', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000); // 10.00 * 6.25 % = 0.625 -> 0.63

    const cart = await calculate(h, [{ sku, quantity: 3 }], { country: 'US' });

    expect(cart.taxInclusive).toBe(false);
    expect(cart.lines[0]).toMatchObject({ subtotalMinor: 3000, taxMinor: 189, totalMinor: 3189 });
    expect(cart).toMatchObject({ subtotalMinor: 3000, taxMinor: 189, totalMinor: 3189 });
  });

  it("uses a province's own region over its country's, with one tax line per rate", async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 10000);

    const quebec = await calculate(h, [{ sku }], { country: 'CA', province: 'QC' });
    const ontario = await calculate(h, [{ sku }], { country: 'CA', province: 'ON' });
    const typedByHand = await calculate(h, [{ sku }], { country: 'ca', province: ' qc ' });

    expect(quebec.lines[0]!.taxLines).toEqual([
      { name: 'GST', rateBps: 500, amountMinor: 500 },
      { name: 'QST', rateBps: 998, amountMinor: 998 },
    ]);
    expect(quebec.totalMinor).toBe(11498);
    expect(typedByHand.totalMinor).toBe(11498);
    expect(ontario.lines[0]!.taxLines).toEqual([{ name: 'GST', rateBps: 500, amountMinor: 500 }]);
  });

  it('rounds once per cart in a per-total region, and the line taxes add up to the total', async () => {
    const skus = [uniqueSku(), uniqueSku(), uniqueSku()];
    for (const sku of skus) await setBasePrice(h, sku, 101); // each line's exact tax 101 * 2550 / 12550 = 20.52...

    const cart = await calculate(
      h,
      skus.map((sku) => ({ sku })),
      { country: 'FI' },
    );

    // Per line it would be 3 * 21 = 63; the exact total 61.57 rounds once to 62, spread by largest remainder.
    expect(cart.taxMinor).toBe(62);
    expect(cart.lines.map((l) => l.taxMinor).sort()).toEqual([20, 21, 21]);
    expect(cart.taxLines).toEqual([{ name: 'ALV', rateBps: 2550, amountMinor: 62 }]);
  });

  it('charges no tax where no region is set up', async () => {
    const sku = uniqueSku();
    await setBasePrice(h, sku, 1000);

    const cart = await calculate(h, [{ sku }], { country: 'JP' });

    expect(cart).toMatchObject({ taxInclusive: false, taxMinor: 0, totalMinor: 1000, taxLines: [] });
  });

  it('manages classes and regions: lists them, refuses a duplicate class and an unknown class, replaces rates', async () => {
    expect((await h.call('listTaxClasses', {})).taxClasses.map((c) => c.code)).toEqual(['reduced', 'standard']);
    expect((await rejectionOf(h.call('createTaxClass', { code: 'reduced', name: 'Again' }))).type).toBe('already_exists');
    expect((await rejectionOf(h.call('assignTaxClass', { sku: 'ANY-1', taxClass: 'luxury' }))).type).toBe('not_found');
    const unknown = await rejectionOf(setTaxRegion(h, { country: 'NL', inclusive: true, rates: [{ name: 'X', rateBps: 100, taxClass: 'luxury' }] }));
    expect(unknown.type).toBe('not_found');

    await setTaxRegion(h, { country: 'AT', inclusive: true, rates: [{ name: 'USt', rateBps: 2000 }] });
    await setTaxRegion(h, { country: 'AT', inclusive: true, rates: [{ name: 'USt', rateBps: 1000 }] });

    const regions = (await h.call('listTaxRegions', {})).taxRegions;
    expect(regions.find((r) => r.country === 'AT')!.rates).toEqual([{ name: 'USt', rateBps: 1000, taxClass: 'standard' }]);
    expect(regions.find((r) => r.country === 'NL')!.rates).toEqual([{ name: 'BTW', rateBps: 900, taxClass: 'standard' }]);
  });
});
