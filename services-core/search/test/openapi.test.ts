// The OpenAPI fragment the service serves for the gateway: who may call each RPC and the limits its handler
// enforces, so the platform document (and the fuzzer reading it) describes the API as it behaves.
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.js';

const h = useHarness();
const method = (name: string) => `/ecommerce.search.v1.SearchService/${name}`;
const fragment = async () => (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { access: unknown; request?: any }> };

describe('openapi fragment', () => {
  it('names the access of every RPC: searching is public, rebuilding is for staff', async () => {
    const rpcs = (await fragment())['x-rpcs'];

    expect(Object.fromEntries(Object.entries(rpcs).map(([path, rpc]) => [path, rpc.access]))).toEqual({
      [method('SearchProducts')]: 'public',
      [method('Autocomplete')]: 'public',
      [method('RebuildIndex')]: ['staff', 'admin'],
    });
  });

  it('describes the size limits checked before any SQL', async () => {
    const { properties } = (await fragment())['x-rpcs'][method('SearchProducts')]!.request;

    expect(properties.query).toMatchObject({ maxLength: 200 });
    expect(properties.facets).toMatchObject({ maxItems: 10 });
    expect(properties.pageSize).toMatchObject({ maximum: 100 });
  });
});
