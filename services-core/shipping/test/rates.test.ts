// QuoteRates through the real gRPC API: the zone a destination falls in, weight tiers, free-over thresholds,
// currencies, and bad input named by field. Each test uses its own country so zones never overlap.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anAddress, calls } from './builders.js';
import { rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
let api: ReturnType<typeof calls>;
beforeAll(async () => {
  h = await startHarness();
  api = calls(h);
});
afterAll(() => h?.close());

const names = (options: { name: string; amountMinor: number }[]) => options.map((o) => `${o.name}:${o.amountMinor}`);

describe('QuoteRates', () => {
  it('quotes the most specific zone covering the destination, so the destination changes the rates', async () => {
    const country = await api.createZone({ countries: ['DE'] });
    const bavaria = await api.createZone({ countries: ['DE'], provinces: ['BY'] });
    const munich = await api.createZone({ countries: ['DE'], provinces: ['BY'], postcodePatterns: ['80*', '81000..81999'] });
    await api.createOption({ zoneId: country.zone!.id, name: 'Country', amountMinor: 700 });
    await api.createOption({ zoneId: bavaria.zone!.id, name: 'Bavaria', amountMinor: 500 });
    await api.createOption({ zoneId: munich.zone!.id, name: 'Munich', amountMinor: 300 });

    const at = async (province: string, postcode: string) =>
      names((await api.quoteRates({ destination: anAddress({ country: 'de', province, postcode }) })).options);

    expect(await at('HE', '60311')).toEqual(['Country:700']);
    expect(await at('by', '90402')).toEqual(['Bavaria:500']);
    expect(await at('BY', '80331')).toEqual(['Munich:300']);
    expect(await at('BY', '81 234')).toEqual(['Munich:300']);
    expect(await at('BY', '82000')).toEqual(['Bavaria:500']);
    expect(await at('', '')).toEqual(['Country:700']);
  });

  it('prices weight tiers by the parcel weight and leaves out an option the parcel is too heavy for', async () => {
    const zone = await api.createZone({ countries: ['AT'] });
    await api.createOption({
      zoneId: zone.zone!.id,
      name: 'Tiered',
      kind: 'weight_tiered',
      amountMinor: 0,
      weightTiers: [
        { maxWeightGrams: 1000, amountMinor: 400 },
        { maxWeightGrams: 5000, amountMinor: 900 },
      ],
    });
    await api.createOption({ zoneId: zone.zone!.id, name: 'Pickup', kind: 'pickup', amountMinor: 0, minDays: 0, maxDays: 1 });
    const quote = async (weightGrams: number) => names((await api.quoteRates({ destination: anAddress({ country: 'AT' }), weightGrams })).options);

    expect(await quote(1000)).toEqual(['Pickup:0', 'Tiered:400']);
    expect(await quote(1001)).toEqual(['Pickup:0', 'Tiered:900']);
    expect(await quote(5001)).toEqual(['Pickup:0']);
  });

  it('makes an option free once the subtotal reaches its threshold', async () => {
    const zone = await api.createZone({ countries: ['NL'] });
    await api.createOption({ zoneId: zone.zone!.id, name: 'Standard', amountMinor: 495, freeOverMinor: 5000 });
    const quote = async (subtotalMinor: number) => (await api.quoteRates({ destination: anAddress({ country: 'NL' }), subtotalMinor })).options;

    expect((await quote(4999))[0]).toMatchObject({ amountMinor: 495, currency: 'EUR', kind: 'flat', minDays: 2, maxDays: 4 });
    expect((await quote(5000))[0]).toMatchObject({ amountMinor: 0 });
  });

  it('offers only options priced in the requested currency, and none where no zone covers the country', async () => {
    const zone = await api.createZone({ countries: ['CH'] });
    await api.createOption({ zoneId: zone.zone!.id, name: 'In francs', currency: 'CHF', amountMinor: 900 });
    await api.createOption({ zoneId: zone.zone!.id, name: 'In euros', currency: 'EUR', amountMinor: 800 });

    expect(names((await api.quoteRates({ destination: anAddress({ country: 'CH' }), currency: 'CHF' })).options)).toEqual(['In francs:900']);
    expect((await api.quoteRates({ destination: anAddress({ country: 'JP' }) })).options).toEqual([]);
  });

  it('leaves out inactive zones and options', async () => {
    const zone = await api.createZone({ countries: ['PT'] });
    const option = await api.createOption({ zoneId: zone.zone!.id, name: 'Soon off' });
    await api.updateOption({ id: option.option!.id, active: false });
    expect((await api.quoteRates({ destination: anAddress({ country: 'PT' }) })).options).toEqual([]);

    await api.updateOption({ id: option.option!.id, active: true });
    await api.updateZone({ id: zone.zone!.id, active: false });
    expect((await api.quoteRates({ destination: anAddress({ country: 'PT' }) })).options).toEqual([]);
  });

  it('is public: anonymous callers get quotes', async () => {
    await expect(api.quoteRates({ destination: anAddress({ country: 'IE' }) })).resolves.toEqual({ options: [] });
  });

  it.each([
    [{ subtotalMinor: -1 }, 'subtotal_minor'],
    [{ weightGrams: -5 }, 'weight_grams'],
    [{ currency: 'XXY' }, 'currency'],
    [{ currency: 'eur' }, 'currency'],
    [{ destination: anAddress({ country: 'FRA' }) }, 'destination.country'],
    [{ destination: undefined }, 'destination'],
  ] as const)('answers INVALID_ARGUMENT naming the field for %o', async (request, field) => {
    const err = await rejectionOf(api.quoteRates(request));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field })]);
  });
});
