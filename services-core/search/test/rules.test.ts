// The search rules that need no storage: facet names, attribute filters, query terms, page tokens, attributes.
import { describe, expect, it } from 'vitest';
import { attributeValues } from '../src/biz/index-entry.js';
import { assertFacetNames, decodePageToken, encodePageToken, groupAttributeFilters, queryTerms } from '../src/biz/search-query.js';

describe('search rules', () => {
  it('accepts the known facets and attribute facets, once each', () => {
    expect(assertFacetNames(['brand', 'attribute.colour', 'brand', 'price'])).toEqual(['brand', 'attribute.colour', 'price']);
    expect(() => assertFacetNames(['attribute.', 'stock'])).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'facets.0' }), expect.objectContaining({ field: 'facets.1' })] }));
  });

  it('groups key:value filters by key, a value may hold a colon', () => {
    expect(groupAttributeFilters(['colour:blue', 'size:M', 'colour:red', 'ratio:16:9'])).toEqual([
      { key: 'colour', values: ['blue', 'red'] },
      { key: 'size', values: ['M'] },
      { key: 'ratio', values: ['16:9'] },
    ]);
    expect(() => groupAttributeFilters(['colour:'])).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'attributes.0' })] }));
  });

  it('reduces a query to lower-case words of letters and digits, at most ten', () => {
    expect(queryTerms("Crème brûlée & !(dish):* 'x'")).toEqual(['crème', 'brûlée', 'dish', 'x']);
    expect(queryTerms('a b c d e f g h i j k l')).toHaveLength(10);
  });

  it('reads back only the page tokens it writes', () => {
    expect(decodePageToken(encodePageToken(40))).toBe(40);
    expect(decodePageToken('')).toBe(0);
    for (const bad of ['%%%', encodePageToken(0), encodePageToken(10_001), encodePageToken(1.5), Buffer.from('null').toString('base64url')]) {
      expect(() => decodePageToken(bad)).toThrow(expect.objectContaining({ details: [expect.objectContaining({ field: 'page_token' })] }));
    }
  });

  it('keeps scalar and list attribute values as text, drops nested ones', () => {
    expect(attributeValues({ colour: 'blue', sizes: ['S', 'M'], weight: 1.5, organic: true, dims: { w: 1 }, none: null })).toEqual({
      colour: ['blue'],
      sizes: ['S', 'M'],
      weight: ['1.5'],
      organic: ['true'],
    });
  });
});
