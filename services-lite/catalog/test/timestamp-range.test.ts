// A page's publishedAt is refused (400 naming it) outside 0001-01-01 .. 9999-12-31 UTC, as every request timestamp
// of the platform is (isoTimestamp): past 9999 it came back as "+010000-...", no ISO-8601 timestamp the API
// documents, and year 0000 is what PostgreSQL refuses when it gets the text (a 500 in the customer service).
import { describe, expect, it } from 'vitest';
import { aPage } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();
const page = (publishedAt: string) => aPage({ status: 'published', publishedAt });

describe('page publishedAt outside 0001-01-01 .. 9999-12-31 UTC', () => {
  it('answers 400 naming publishedAt for year 0000, and for an instant past 9999 through its offset', async () => {
    for (const publishedAt of ['0000-01-01T00:00:00Z', '9999-12-31T23:00:00-14:00']) {
      const res = await h.api.post('/pages', page(publishedAt), h.staffToken);
      expect(res.status, publishedAt).toBe(400);
      expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'publishedAt' })]);
    }
  });

  it('takes the first and last instants it can answer with', async () => {
    for (const publishedAt of ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999Z']) {
      const res = await h.api.post('/pages', page(publishedAt), h.staffToken);
      expect(res.status, publishedAt).toBe(201);
      expect(res.body.data.publishedAt).toBe(new Date(publishedAt).toISOString());
    }
  });
});
