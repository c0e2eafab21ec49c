// The operational surface: probes, and the OpenAPI fragment the gateway lays over the REST routes (who may call
// each RPC and the request constraints the handler enforces).
import { describe, expect, it } from 'vitest';
import { useHarness } from './harness.js';

const h = useHarness();

describe('the HTTP port', () => {
  it('serves /readyz and /healthz', async () => {
    expect((await fetch(`${h.service.urls.http}/readyz`)).status).toBe(200);
    expect((await fetch(`${h.service.urls.http}/healthz`)).status).toBe(200);
  });

  it('describes every RPC with its access rule and request constraints in /openapi.json', async () => {
    const doc = (await (await fetch(`${h.service.urls.http}/openapi.json`)).json()) as { 'x-rpcs': Record<string, { access: unknown; request?: any }> };
    const rpcs = doc['x-rpcs'];
    const rpc = (name: string) => rpcs[`/ecommerce.warehouse.v1.WarehouseService/${name}`]!;

    expect(Object.keys(rpcs)).toHaveLength(16);
    expect(rpc('GetAvailability').access).toBe('public');
    expect(rpc('Reserve').access).toEqual(['staff', 'admin']);
    expect(rpc('Reserve').request.properties.ttlSeconds).toMatchObject({ minimum: 1, maximum: 30 * 24 * 3600 });
    expect(rpc('AdjustStock').request.properties.reason).toMatchObject({ minLength: 1, maxLength: 200 });
    expect(rpc('ListLocations').request).toBeUndefined();
  });
});
