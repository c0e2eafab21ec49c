// Searching the index through the real gRPC API: typo tolerance, weights, facet counts under combined filters
// (each facet counted with every other filter applied, but not its own), category descendants, sorting,
// paging and autocomplete.
import { SearchSort } from '@ecommerce/proto/search/v1/search';
import { beforeAll, describe, expect, it } from 'vitest';
import { aProduct, category, indexed, priced, rated, stocked, uniqueWord } from './builders.js';
import { useHarness } from './harness.js';

const h = useHarness();

const counts = (facets: Array<{ name: string; values: Array<{ value: string; count: number }> }>, name: string) =>
  Object.fromEntries(facets.find((f) => f.name === name)!.values.map((v) => [v.value, v.count]));

describe('text search', () => {
  it('finds "Blue mug" for the misspelt "blu mgu"', async () => {
    const mug = await indexed(h, aProduct({ name: 'Blue mug' }));

    const { products } = await h.call('searchProducts', { query: 'blu mgu' });

    expect(products.map((p) => p.id)).toContain(mug.id);
  });

  it('ranks a name match above a description match', async () => {
    const word = uniqueWord();
    const inDescription = await indexed(h, aProduct({ name: 'Teapot', description: `Goes well with ${word} cups` }));
    const inName = await indexed(h, aProduct({ name: `${word} cup` }));

    const { products } = await h.call('searchProducts', { query: word });

    expect(products.map((p) => p.id)).toEqual([inName.id, inDescription.id]);
  });
});

describe('facets and filters', () => {
  const word = uniqueWord();
  const brandA = '00000000-0000-4000-8000-00000000000a';
  const brandB = '00000000-0000-4000-8000-00000000000b';
  let kitchen = '';
  let cups = '';
  beforeAll(async () => {
    kitchen = await category(h, 'Kitchen');
    cups = await category(h, 'Cups', kitchen);
    // brand  category  colour       EUR    stock  rating
    const rows: Array<[string, string, string[], number, boolean, number]> = [
      [brandA, cups, ['blue'], 800, true, 4.5],
      [brandA, cups, ['red'], 1_200, false, 3.2],
      [brandA, kitchen, ['blue', 'white'], 3_000, true, 0],
      [brandB, cups, ['blue'], 6_000, true, 4.1],
      [brandB, kitchen, ['red'], 30_000, false, 2],
    ];
    for (const [i, [brandId, categoryId, colour, price, inStock, rating]] of rows.entries()) {
      const p = await indexed(h, aProduct({ name: `Item ${i} ${word}`, brandId, categoryId, attributes: { colour, material: 'stoneware' } }));
      await priced(h, p.sku, 'EUR', price);
      await stocked(h, p.sku, inStock);
      if (rating > 0) await rated(h, p.id, rating, 3);
    }
  });

  it('counts every facet with no filter', async () => {
    const { facets, total } = await h.call('searchProducts', { query: word, currency: 'EUR', facets: ['brand', 'category', 'attribute.colour', 'price', 'in_stock', 'rating'] });

    expect(total).toBe(5);
    expect(counts(facets, 'brand')).toEqual({ [brandA]: 3, [brandB]: 2 });
    expect(counts(facets, 'category')).toEqual({ [kitchen]: 5, [cups]: 3 });
    expect(counts(facets, 'attribute.colour')).toEqual({ blue: 3, red: 2, white: 1 });
    expect(counts(facets, 'price')).toEqual({ '0-1000': 1, '1000-2500': 1, '2500-5000': 1, '5000-10000': 1, '25000-': 1 });
    expect(counts(facets, 'in_stock')).toEqual({ true: 3, false: 2 });
    expect(counts(facets, 'rating')).toEqual({ 4: 2, 3: 3, 2: 4, 1: 4 });
  });

  it('counts each facet with the other filters applied but not its own (brand A, blue, in stock)', async () => {
    const { products, facets, total } = await h.call('searchProducts', {
      query: word,
      currency: 'EUR',
      brandIds: [brandA],
      attributes: ['colour:blue'],
      inStockOnly: true,
      facets: ['brand', 'attribute.colour', 'in_stock', 'category'],
    });

    expect(total).toBe(2);
    expect(products.map((p) => p.name).sort()).toEqual([`Item 0 ${word}`, `Item 2 ${word}`]);
    // brand: blue and in stock, any brand -> A has items 0 and 2, B has item 3.
    expect(counts(facets, 'brand')).toEqual({ [brandA]: 2, [brandB]: 1 });
    // colour: brand A and in stock, any colour -> items 0 (blue) and 2 (blue, white).
    expect(counts(facets, 'attribute.colour')).toEqual({ blue: 2, white: 1 });
    // in_stock: brand A and blue, either stock -> items 0 and 2, both in stock.
    expect(counts(facets, 'in_stock')).toEqual({ true: 2 });
    // category: everything else applied -> item 0 in Cups (also counted under Kitchen), item 2 in Kitchen.
    expect(counts(facets, 'category')).toEqual({ [kitchen]: 2, [cups]: 1 });
  });

  it('filters by a category including its descendants, and by price range and rating', async () => {
    const inKitchen = await h.call('searchProducts', { query: word, categoryId: kitchen });
    const inCups = await h.call('searchProducts', { query: word, categoryId: cups, currency: 'EUR', minPriceMinor: 1_000, maxPriceMinor: 10_000, facets: ['price'] });
    const rated4 = await h.call('searchProducts', { query: word, minRating: 4 });

    expect(inKitchen.total).toBe(5);
    expect(inCups.products.map((p) => p.price?.amountMinor).sort()).toEqual([1_200, 6_000]);
    // The price facet ignores the price filter: all three Cups products are counted.
    expect(counts(inCups.facets, 'price')).toEqual({ '0-1000': 1, '1000-2500': 1, '5000-10000': 1 });
    expect(rated4.total).toBe(2);
  });

  it('browses a category without a query, newest first', async () => {
    const { products } = await h.call('searchProducts', { categoryId: cups });

    expect(products.map((p) => p.name)).toEqual([`Item 3 ${word}`, `Item 1 ${word}`, `Item 0 ${word}`]);
  });

  it('sorts by price in the requested currency, both ways', async () => {
    const asc = await h.call('searchProducts', { query: word, currency: 'EUR', sort: SearchSort.SEARCH_SORT_PRICE_ASC });
    const desc = await h.call('searchProducts', { query: word, currency: 'EUR', sort: SearchSort.SEARCH_SORT_PRICE_DESC });

    expect(asc.products.map((p) => p.price!.amountMinor)).toEqual([800, 1_200, 3_000, 6_000, 30_000]);
    expect(desc.products.map((p) => p.price!.amountMinor)).toEqual([30_000, 6_000, 3_000, 1_200, 800]);
  });

  it('pages through the results with the token it hands out', async () => {
    const first = await h.call('searchProducts', { query: word, pageSize: 2, sort: SearchSort.SEARCH_SORT_NEWEST });
    const second = await h.call('searchProducts', { query: word, pageSize: 2, sort: SearchSort.SEARCH_SORT_NEWEST, pageToken: first.nextPageToken });
    const third = await h.call('searchProducts', { query: word, pageSize: 2, sort: SearchSort.SEARCH_SORT_NEWEST, pageToken: second.nextPageToken });

    const names = [...first.products, ...second.products, ...third.products].map((p) => p.name);
    expect(names).toEqual([4, 3, 2, 1, 0].map((i) => `Item ${i} ${word}`));
    expect(third.nextPageToken).toBe('');
  });
});

describe('autocomplete', () => {
  it('suggests names starting with the prefix first, then close ones', async () => {
    const word = uniqueWord();
    const starts = await indexed(h, aProduct({ name: `${word} grinder` }));
    const contains = await indexed(h, aProduct({ name: `Hand ${word}` }));

    const { suggestions } = await h.call('autocomplete', { prefix: word.slice(0, 9) });

    expect(suggestions.map((s) => s.productId)).toEqual([starts.id, contains.id]);
  });
});
