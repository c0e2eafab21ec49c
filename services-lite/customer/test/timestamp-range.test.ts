// Timestamps in requests are refused (400 naming the field) when PostgreSQL could not take them: there is no year
// 0000, and a value the database refuses must never come back as a 500. Found by scripts/fuzz-openapi.sh.
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

describe('timestamps outside 0001-01-01 .. 9999-12-31', () => {
  it('answers 400 naming registeredFrom for year 0000 in a staff search, where it was a 500', async () => {
    const res = await h.api.get('/customers?registeredFrom=0000-02-29T14%3A13%3A20.26Z', h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_ARGUMENT');
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'registeredFrom' })]);
  });

  it('answers 400 for year 0000 in a segment rule, and keeps the earliest and latest real instants', async () => {
    const refused = await h.api.post('/customers/segments', { name: 'Ancient', rules: [{ kind: 'registered_between', registeredTo: '0000-06-01T00:00:00Z' }] }, h.staffToken);
    expect(refused.status).toBe(400);
    const edges = await h.api.get('/customers?registeredFrom=0001-01-01T00%3A00%3A00Z&registeredTo=9999-12-31T23%3A59%3A59.999Z', h.staffToken);
    expect(edges.status).toBe(200);
  });
});
