import { Validator } from '@seriousme/openapi-schema-validator';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readHttpBindings } from '../src/transcode/http-rules.js';
import { registryFromDescriptorSet } from '../src/transcode/registry.js';
import { fakeDocument, FakeElement } from './docs-dom.js';
import { useStack } from './harness.js';

const stack = useStack();

type Doc = { openapi: string; paths: Record<string, Record<string, { operationId: string; tags: string[] }>>; components: { schemas: Record<string, unknown> } };

const operations = (doc: { paths: Doc['paths'] }) => Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((verb) => `${verb.toUpperCase()} ${path}`));

describe('/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const doc = (await stack.call('GET', '/openapi.json')).body as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every annotated RPC of a deployed core service, with its message schemas', async () => {
    const doc = (await stack.call('GET', '/openapi.json')).body as Doc;
    const bindings = readHttpBindings(registryFromDescriptorSet(readDescriptorSet())).filter((b) => b.upstream === 'user');
    expect(bindings.length).toBeGreaterThanOrEqual(11);
    expect(operations(doc)).toEqual(expect.arrayContaining(bindings.map((b) => `${b.verb.toUpperCase()} ${b.path.openApiPath}`)));
    expect(doc.paths['/api/v1/users/{user_id}/roles/{role}']!.delete!.operationId).toBe('UserService_RevokeRole');
    expect(doc.components.schemas['ecommerce.user.v1.User']).toMatchObject({ properties: { createTime: { type: 'string', format: 'date-time' } } });
  });

  it('lists every route of the catalog fragment, and only routes some upstream serves', async () => {
    const doc = (await stack.call('GET', '/openapi.json')).body as Doc;
    const fragment = (await (await fetch(`${stack.catalog.urls.http}/openapi.json`)).json()) as Doc;
    expect(operations(fragment).length).toBeGreaterThanOrEqual(24);
    expect(operations(doc)).toEqual(expect.arrayContaining(operations(fragment)));
    for (const path of Object.keys(doc.paths)) expect(path).toMatch(/^\/api\/v1\/(users|roles|permissions|products|categories|brands|pages)\b/);
  });

  it('documents query parameters of list RPCs, which the gateway then accepts', async () => {
    const doc = (await stack.call('GET', '/openapi.json')).body as { paths: Record<string, Record<string, { parameters: { name: string; in: string }[] }>> };
    const names = doc.paths['/api/v1/users']!.get!.parameters.map((p) => `${p.in}:${p.name}`);
    expect(names).toEqual(['query:page', 'query:pageSize', 'query:status', 'query:query', 'query:role']);
    const res = await stack.call('GET', '/api/v1/users?pageSize=1&role=admin', { token: stack.tokens.staff });
    expect(res.status).toBe(200);
  });
});

describe('/docs', () => {
  it('serves a page and script that load nothing from another origin', async () => {
    const page = await fetch(`${stack.gateway.urls.http}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    const script = await (await fetch(`${stack.gateway.urls.http}/docs/docs.js`)).text();
    expect(html).toContain('<script src="/docs/docs.js">');
    expect(script).toContain("fetch('/openapi.json')");
    for (const text of [html, script]) expect(text).not.toMatch(/(src|href)="https?:|fetch\('https?:/);
  });

  it('renders one entry per operation, and its form calls the gateway with path and query filled in', async () => {
    const script = await (await fetch(`${stack.gateway.urls.http}/docs/docs.js`)).text();
    const doc = (await stack.call('GET', '/openapi.json')).body as Doc;
    const root = new FakeElement('main');
    const token = Object.assign(new FakeElement('input'), { value: stack.tokens.staff });
    const calls: { url: string; init: { method: string; headers: Record<string, string> } }[] = [];
    const fetchInPage = async (url: string, init?: { method: string; headers: Record<string, string> }) => {
      if (url === '/openapi.json') return { json: async () => doc };
      calls.push({ url, init: init! });
      return { status: 200, json: async () => ({ success: true }) };
    };
    await vm.runInNewContext(script, { document: fakeDocument({ operations: root, token }), fetch: fetchInPage, URLSearchParams, JSON, Object });

    const entries = root.querySelectorAll('details');
    expect(entries).toHaveLength(operations(doc).length);
    const getUser = entries.find((e) => JSON.stringify(e.children[0]).includes('/api/v1/users/{id}') && JSON.stringify(e.children[0]).includes('"get"'))!;
    const form = getUser.children.find((c): c is FakeElement => typeof c !== 'string' && c.tagName === 'form')!;
    form.querySelectorAll('input')[0]!.value = 'abc';
    await form.listeners.submit!({ preventDefault() {} });
    expect(calls).toEqual([{ url: '/api/v1/users/abc', init: expect.objectContaining({ method: 'GET', headers: expect.objectContaining({ authorization: `Bearer ${stack.tokens.staff}` }) }) }]);
  });
});
