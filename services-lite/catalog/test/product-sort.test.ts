import { describe, expect, it } from 'vitest';
import { productSort } from '../src/schemas/product-sort.js';

describe('productSort', () => {
  it('reads a leading minus as descending and keeps the given order', () => {
    expect(productSort.parse('-created_at,name')).toEqual([
      { column: 'created_at', direction: 'desc' },
      { column: 'name', direction: 'asc' },
    ]);
  });

  it('accepts the camelCase spelling of a field', () => {
    expect(productSort.parse('-updatedAt')).toEqual([{ column: 'updated_at', direction: 'desc' }]);
  });

  it('leaves the default to the repository when absent', () => {
    expect(productSort.parse(undefined)).toBeUndefined();
  });

  it('refuses a field that is not on the whitelist', () => {
    const result = productSort.safeParse('password');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toMatch(/cannot sort by "password"/);
  });
});
