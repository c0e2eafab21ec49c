// The OpenAPI fragments services publish for the gateway: explicit statuses, recursive schemas that still resolve
// inside the merged document, and a gRPC service's request constraints with proto3's idea of "required".
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openApiFragment, rpcOpenApiFragment } from '../../src/http/openapi-fragment.js';
import { isoTimestamp } from '../../src/models/timestamp.js';

describe('openApiFragment', () => {
  it('lists the statuses a route answers instead of a catch-all default', () => {
    const fragment = openApiFragment('shop', [
      { method: 'get', path: '/api/v1/things', summary: 'list', response: z.object({ id: z.string() }), list: true },
      { method: 'patch', path: '/api/v1/things/:id', summary: 'edit', params: z.object({ id: z.uuid() }), body: z.object({ name: z.string() }), response: z.object({ id: z.string() }), roles: ['staff'] },
      { method: 'get', path: '/api/v1/me', summary: 'me', response: z.object({ id: z.string() }), roles: [], errors: [404] },
    ]);
    const statuses = (path: string, verb: string) => Object.keys((fragment.paths[path]![verb]!.responses as object) ?? {});
    expect(statuses('/api/v1/things', 'get')).toEqual(['200', '400', '401']);
    expect(statuses('/api/v1/things/{id}', 'patch')).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '422']);
    expect(statuses('/api/v1/me', 'get')).toEqual(['200', '400', '401', '404']);
    expect(fragment.paths['/api/v1/me']!.get!.security).toEqual([{ bearerAuth: [] }]);
    expect(fragment.paths['/api/v1/things']!.get!.security).toBeUndefined();
  });

  it('moves recursive definitions to components, so their references resolve inside the merged document', () => {
    const node: z.ZodType<{ id: string; children?: unknown[] }> = z
      .object({
        id: z.string(),
        get children() {
          return z.array(node).optional();
        },
      })
      .meta({ title: 'Node' });
    const fragment = openApiFragment('shop', [{ method: 'get', path: '/api/v1/nodes', summary: 'tree', response: z.array(node) }]);
    const text = JSON.stringify(fragment);
    expect(text).not.toContain('#/$defs/');
    expect(fragment.components.schemas['shop.Node']).toMatchObject({ properties: { children: { type: 'array', items: { $ref: '#/components/schemas/shop.Node' } } } });
  });
});

describe('rpcOpenApiFragment', () => {
  it('gives each RPC its access and request schema; required means its proto default is refused', () => {
    const definition = { getThing: { path: '/shop.v1.ShopService/GetThing' }, listThings: { path: '/shop.v1.ShopService/ListThings' }, ping: { path: '/shop.v1.ShopService/Ping' } };
    const fragment = rpcOpenApiFragment('shop', { definition, access: { getThing: ['staff'], listThings: 'authenticated', ping: 'public' } }, {
      getThing: z.object({ id: z.uuid(), note: z.string().max(10).optional() }),
      listThings: z.object({ pageSize: z.number().int().min(0).max(100), query: z.string().max(200), status: z.union([z.literal(0), z.literal(1)]), kind: z.union([z.literal(1), z.literal(2)]) }),
      ping: undefined,
    });
    const rpcs = fragment['x-rpcs']!;
    expect(rpcs['/shop.v1.ShopService/GetThing']).toMatchObject({ access: ['staff'], request: { required: ['id'], properties: { id: { format: 'uuid' } } } });
    expect(rpcs['/shop.v1.ShopService/ListThings']!.request!.required).toEqual(['kind']);
    expect(rpcs['/shop.v1.ShopService/Ping']).toEqual({ access: 'public' });
  });

  it('carries the extra error statuses an RPC declares', () => {
    const definition = { getThing: { path: '/shop.v1.ShopService/GetThing' } };
    const fragment = rpcOpenApiFragment('shop', { definition, access: { getThing: 'public' } }, { getThing: undefined }, { getThing: [404] });
    expect(fragment['x-rpcs']!['/shop.v1.ShopService/GetThing']).toEqual({ access: 'public', errors: [404] });
  });
});

describe('isoTimestamp', () => {
  it('takes 0001-01-01 to 9999-12-31 UTC and refuses year 0000 and instants past 9999', () => {
    const schema = isoTimestamp({ offset: true });
    for (const ok of ['0001-01-01T00:00:00Z', '2024-02-29T12:00:00.5Z', '9999-12-31T23:59:59.999Z', '2024-01-01T00:00:00+02:00']) expect(schema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['0000-02-29T14:13:20.26Z', '0000-01-01T00:00:00Z', '9999-12-31T23:00:00-14:00', 'not a date']) expect(schema.safeParse(bad).success, bad).toBe(false);
    expect(schema.safeParse('tomorrow').error!.issues).toHaveLength(1);
  });
});
