// Bad input answers INVALID_ARGUMENT naming the field, before any SQL runs: an empty or 1 MB query, an unknown
// facet, a page token this service did not issue, an unknown sort, a price rule without a currency. And only
// staff may rebuild the index.
import { describe, expect, it } from 'vitest';
import { rejectionOf } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness();

async function violation(request: Record<string, unknown>, rpc: 'searchProducts' | 'autocomplete' = 'searchProducts') {
  const err = await rejectionOf(h.call(rpc, request));
  expect(err.type).toBe('invalid_argument');
  return err.details;
}

describe('bad search input', () => {
  it('refuses an empty query (without a category to browse) naming query', async () => {
    expect(await violation({ query: '   ' })).toEqual([expect.objectContaining({ field: 'query' })]);
  });

  it('refuses a 1 MB query naming query, and stays up', async () => {
    expect(await violation({ query: 'a'.repeat(1024 * 1024) })).toEqual([expect.objectContaining({ field: 'query', message: 'must be at most 200 characters' })]);
    expect((await h.call('searchProducts', { query: 'still answering' })).products).toEqual([]);
  });

  it('refuses an unknown facet naming its position', async () => {
    expect(await violation({ query: 'mug', facets: ['brand', 'colour'] })).toEqual([expect.objectContaining({ field: 'facets.1' })]);
  });

  it('refuses a page token it did not issue', async () => {
    const forged = Buffer.from(JSON.stringify({ o: -5 })).toString('base64url');
    for (const pageToken of ['not a token', forged, Buffer.from('{"o":20,"x":1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(await violation({ query: 'mug', pageToken })).toEqual([expect.objectContaining({ field: 'page_token' })]);
    }
  });

  it('refuses an unknown sort naming sort', async () => {
    expect(await violation({ query: 'mug', sort: 42 })).toEqual([expect.objectContaining({ field: 'sort' })]);
  });

  it('requires a currency for a price sort, filter or facet', async () => {
    expect(await violation({ query: 'mug', facets: ['price'] })).toEqual([expect.objectContaining({ field: 'currency' })]);
    expect(await violation({ query: 'mug', currency: 'euro', minPriceMinor: 100 })).toEqual([expect.objectContaining({ field: 'currency' })]);
  });

  it('refuses a malformed attribute filter, brand id and page size', async () => {
    expect(await violation({ query: 'mug', attributes: ['colour'] })).toEqual([expect.objectContaining({ field: 'attributes.0' })]);
    expect(await violation({ query: 'mug', brandIds: ['acme'] })).toEqual([expect.objectContaining({ field: 'brand_ids.0' })]);
    expect(await violation({ query: 'mug', pageSize: 1000 })).toEqual([expect.objectContaining({ field: 'page_size' })]);
  });

  it('refuses an empty or oversized autocomplete prefix naming prefix', async () => {
    expect(await violation({ prefix: '' }, 'autocomplete')).toEqual([expect.objectContaining({ field: 'prefix' })]);
    expect(await violation({ prefix: 'x'.repeat(1024 * 1024) }, 'autocomplete')).toEqual([expect.objectContaining({ field: 'prefix' })]);
  });

  it('refuses a NUL character (PostgreSQL cannot hold one) naming the field', async () => {
    expect(await violation({ query: 'mu\u0000g' })).toEqual([expect.objectContaining({ field: 'query' })]);
    expect(await violation({ query: 'mug', attributes: ['colour:bl\u0000ue'] })).toEqual([expect.objectContaining({ field: 'attributes.0' })]);
  });

  it('takes query syntax as plain words', async () => {
    const { products } = await h.call('searchProducts', { query: `mug & !( blue:* | 'x' ) %_\\` });
    expect(products).toEqual([]);
  });
});

describe('rebuild access', () => {
  it('refuses a caller without a token, and a customer', async () => {
    expect((await rejectionOf(h.call('rebuildIndex', {}))).type).toBe('unauthenticated');
    expect((await rejectionOf(h.call('rebuildIndex', {}, h.tokens.customer))).type).toBe('permission_denied');
  });

  it('answers UNAVAILABLE to staff when no catalog is configured', async () => {
    expect((await rejectionOf(h.call('rebuildIndex', {}, h.tokens.staff))).type).toBe('unavailable');
  });
});
