// The allocation strategy as a pure rule: order of candidates, splitting only when needed, backorders.
import { describe, expect, it } from 'vitest';
import { allocate, type Candidate } from '../src/biz/allocation.js';

const at = (code: string, onHand: number, options: Partial<Candidate> = {}): Candidate => ({
  locationId: `id-${code}`,
  locationCode: code,
  locationCountry: 'DE',
  locationPriority: 10,
  onHand,
  reserved: 0,
  stocked: true,
  ...options,
});
const placed = (result: ReturnType<typeof allocate>) => (result.ok ? result.allocations.map((a) => [a.locationCode, a.quantity]) : result);

describe('allocate', () => {
  it('takes everything from the preferred location when it can cover the quantity', () => {
    expect(placed(allocate('S', 3, [at('B', 5, { locationPriority: 2 }), at('A', 5, { locationPriority: 1 })], '', false))).toEqual([['A', 3]]);
  });

  it("orders equal priorities by the customer's country, then by code", () => {
    const candidates = [at('A', 5, { locationCountry: 'DE' }), at('B', 5, { locationCountry: 'FR' }), at('C', 5, { locationCountry: 'FR' })];
    expect(placed(allocate('S', 1, candidates, 'FR', false))).toEqual([['B', 1]]);
    expect(placed(allocate('S', 1, candidates, '', false))).toEqual([['A', 1]]);
  });

  it('splits in order when the first location cannot cover it, counting what is already reserved', () => {
    expect(placed(allocate('S', 6, [at('A', 5, { reserved: 3 }), at('B', 10)], '', false))).toEqual([['A', 2], ['B', 4]]);
  });

  it('fails with what is available when the locations cannot cover it', () => {
    expect(allocate('S', 6, [at('A', 2), at('B', 3, { reserved: 4 })], '', false)).toEqual({ ok: false, available: 2 });
    expect(allocate('S', 1, [], '', false)).toEqual({ ok: false, available: 0 });
  });

  it('puts a backorder on the first location where the SKU is stocked', () => {
    const candidates = [at('A', 0, { stocked: false }), at('B', 2)];
    expect(placed(allocate('S', 5, candidates, '', true))).toEqual([['B', 5]]);
    expect(placed(allocate('S', 5, [at('A', 0, { stocked: false })], '', true))).toEqual([['A', 5]]);
  });
});
