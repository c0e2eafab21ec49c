// Zones and options through the real gRPC API: created, updated and listed by staff; malformed input is named
// by field and leaves nothing behind; an update that would make an option inconsistent is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls } from './builders.js';
import { rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
let api: ReturnType<typeof calls>;
beforeAll(async () => {
  h = await startHarness();
  api = calls(h);
});
afterAll(() => h?.close());

describe('zones', () => {
  it('creates a zone with normalized countries, provinces and patterns, and lists it with its options', async () => {
    const { zone } = await api.createZone({ name: 'Greater London', countries: ['gb'], provinces: [' eng '], postcodePatterns: ['sw1a 1aa', 'e1*', 'E1*'] });
    expect(zone).toMatchObject({ name: 'Greater London', countries: ['GB'], provinces: ['ENG'], postcodePatterns: ['SW1A1AA', 'E1*'], active: true, options: [] });
    const { option } = await api.createOption({ zoneId: zone!.id, name: 'Courier', currency: 'GBP', amountMinor: 899, minDays: 1, maxDays: 1 });

    const listed = (await api.listZones()).zones.find((z) => z.id === zone!.id);
    expect(listed!.options).toEqual([expect.objectContaining({ id: option!.id, name: 'Courier', currency: 'GBP', amountMinor: 899, kind: 'flat' })]);
  });

  it('updates only what is set, replacing a list only when asked', async () => {
    const { zone } = await api.createZone({ countries: ['IT'], provinces: ['RM'] });

    const { zone: renamed } = await api.updateZone({ id: zone!.id, name: 'Rome', countries: ['ES'] });
    expect(renamed).toMatchObject({ name: 'Rome', countries: ['IT'], provinces: ['RM'] });

    const { zone: widened } = await api.updateZone({ id: zone!.id, replaceProvinces: true, provinces: [], replacePostcodePatterns: true, postcodePatterns: ['00100..00199'] });
    expect(widened).toMatchObject({ name: 'Rome', provinces: [], postcodePatterns: ['00100..00199'] });
  });

  it.each([
    [{ postcodePatterns: ['75*', '7*5'] }, 'postcode_patterns.1'],
    [{ postcodePatterns: ['75999..75000'] }, 'postcode_patterns.0'],
    [{ countries: [] }, 'countries'],
    [{ countries: ['FRA'] }, 'countries.0'],
    [{ name: '  ' }, 'name'],
  ])('refuses %o with INVALID_ARGUMENT naming the field and stores nothing', async (request, field) => {
    const before = (await api.listZones()).zones.length;
    const err = await rejectionOf(api.createZone(request));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field })]);
    expect((await api.listZones()).zones).toHaveLength(before);
  });

  it('refuses a malformed pattern on update and keeps the zone as it was', async () => {
    const { zone } = await api.createZone({ countries: ['BE'], postcodePatterns: ['1000..1299'] });
    const err = await rejectionOf(api.updateZone({ id: zone!.id, name: 'Brussels', replacePostcodePatterns: true, postcodePatterns: ['10(0|1)'] }));

    expect(err.details).toEqual([expect.objectContaining({ field: 'postcode_patterns.0' })]);
    expect((await api.listZones()).zones.find((z) => z.id === zone!.id)).toMatchObject({ name: zone!.name, postcodePatterns: ['1000..1299'] });
  });

  it('refuses to replace the countries with none, naming countries', async () => {
    const { zone } = await api.createZone({ countries: ['SE'] });
    const err = await rejectionOf(api.updateZone({ id: zone!.id, replaceCountries: true, countries: [] }));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field: 'countries' })]);
  });

  it('answers NOT_FOUND for an unknown zone, and PERMISSION_DENIED for a customer', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await rejectionOf(api.updateZone({ id: unknown, name: 'x' }))).type).toBe('not_found');
    expect((await rejectionOf(api.createOption({ zoneId: unknown }))).type).toBe('not_found');
    expect((await rejectionOf(api.createZone({}, h.tokens.customer))).type).toBe('permission_denied');
  });
});

describe('options', () => {
  it.each([
    [{ amountMinor: -1 }, 'amount_minor'],
    [{ currency: 'EURO' }, 'currency'],
    [{ currency: 'ABC' }, 'currency'],
    [{ kind: 'teleport' }, 'kind'],
    [{ minDays: 5, maxDays: 2 }, 'max_days'],
    [{ freeOverMinor: -100 }, 'free_over_minor'],
    [{ kind: 'weight_tiered', amountMinor: 0, weightTiers: [] }, 'weight_tiers'],
    [{ kind: 'flat', weightTiers: [{ maxWeightGrams: 100, amountMinor: 1 }] }, 'weight_tiers'],
    [{ kind: 'weight_tiered', amountMinor: 0, weightTiers: [{ maxWeightGrams: 500, amountMinor: 1 }, { maxWeightGrams: 500, amountMinor: 2 }] }, 'weight_tiers.1.max_weight_grams'],
    [{ kind: 'weight_tiered', amountMinor: 0, weightTiers: [{ maxWeightGrams: -1, amountMinor: 1 }] }, 'weight_tiers.0.max_weight_grams'],
  ])('refuses %o with INVALID_ARGUMENT naming the field and stores nothing', async (request, field) => {
    const { zone } = await api.createZone({ countries: ['LU'] });
    const err = await rejectionOf(api.createOption({ zoneId: zone!.id, ...request }));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field })]);
    expect(await h.db('shipping_options').where({ zone_id: zone!.id })).toEqual([]);
  });

  it('checks an update against the stored option: max_days below the stored min_days is refused', async () => {
    const { zone } = await api.createZone({ countries: ['DK'] });
    const { option } = await api.createOption({ zoneId: zone!.id, minDays: 3, maxDays: 5 });

    const err = await rejectionOf(api.updateOption({ id: option!.id, maxDays: 2 }));
    expect(err.details).toEqual([expect.objectContaining({ field: 'max_days' })]);

    const { option: updated } = await api.updateOption({ id: option!.id, maxDays: 7, amountMinor: 1200, freeOverMinor: 10_000 });
    expect(updated).toMatchObject({ minDays: 3, maxDays: 7, amountMinor: 1200, freeOverMinor: 10_000 });
  });
});
