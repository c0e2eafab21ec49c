// The customer fragment of /openapi.json lists the statuses the routes answer: a customer token whose profile is
// not there (its registration event not yet arrived, or the profile erased) finds nothing on the /me routes.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useCustomerHarness } from './customer-harness.js';

const h = useCustomerHarness();

describe('documented statuses', () => {
  it('answers 404 on the /me routes for a customer without a profile, and the fragment lists 404 there', async () => {
    const fragment = (await (await fetch(`${h.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };
    const token = await h.issuer.sign({ sub: randomUUID(), roles: ['customer'], type: 'customer' });
    const address = { recipient: 'Ann Lee', line1: 'Main St 1', city: 'Berlin', postalCode: '10115', country: 'DE' };
    const calls: [string, string, Promise<{ status: number }>][] = [
      ['get', '/api/v1/customers/me', h.api.get('/customers/me', token)],
      ['patch', '/api/v1/customers/me', h.api.patch('/customers/me', { firstName: 'Ann' }, token)],
      ['delete', '/api/v1/customers/me', h.api.delete('/customers/me', token)],
      ['post', '/api/v1/customers/me/addresses', h.api.post('/customers/me/addresses', address, token)],
    ];
    for (const [verb, path, call] of calls) {
      expect((await call).status, `${verb} ${path}`).toBe(404);
      expect(Object.keys(fragment.paths[path]![verb]!.responses), `${verb} ${path}`).toContain('404');
    }
  });
});
