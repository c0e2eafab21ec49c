// A path whose percent-encoding is not valid UTF-8 cannot be decoded into route parameters: a client error
// (400 INVALID_ARGUMENT in the envelope), not a server fault.
import { describe, expect, it } from 'vitest';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

describe('malformed percent-encoding in the path', () => {
  it.each(['/products/%C3%28', '/products/by-slug/%E2%82', '/categories/%FF'])('answers 400 INVALID_ARGUMENT for GET %s', async (path) => {
    const res = await h.api.get(path);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ success: false, error: { code: 'INVALID_ARGUMENT', details: [expect.objectContaining({ field: 'path' })] } });
  });
});
