// /openapi.json says what the API does: findings of the OpenAPI fuzzer (scripts/fuzz-openapi.sh, schemathesis in CI)
// pinned as tests. Answers match their documented schema, every status an operation answers is listed (no catch-all
// `default`), operations that need a token say so, and parameters carry the constraints the services enforce.
import { randomUUID } from 'node:crypto';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { describe, expect, it } from 'vitest';
import { OpenApiDocument } from '../src/openapi/document.js';
import { readHttpBindings } from '../src/transcode/http-rules.js';
import { registryFromDescriptorSet } from '../src/transcode/registry.js';
import { useStack } from './harness.js';

const stack = useStack();

type Schema = Record<string, any>;
interface Operation {
  parameters: { name: string; in: string; required: boolean; schema: Schema }[];
  requestBody?: { content: { 'application/json': { schema: Schema } } };
  responses: Record<string, Schema>;
  security?: unknown[];
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, Schema> };
}

/** The gateway's base URL (whichever shape the harness's RunningService has). */
const gatewayUrl = () => {
  const gateway = stack.gateway as unknown as { url?: string; urls?: { http?: string } };
  return gateway.urls?.http ?? gateway.url!;
};
const document = async () => (await stack.call('GET', '/openapi.json')).body as Doc;

/** Where `value` breaks `schema` (the JSON Schema keywords the document uses for shapes; formats and patterns aside). */
function violations(doc: Doc, schema: Schema, value: unknown, at = '$'): string[] {
  if (schema.$ref) return violations(doc, doc.components.schemas[String(schema.$ref).replace('#/components/schemas/', '')]!, value, at);
  if (schema.anyOf || schema.oneOf) {
    const options = (schema.anyOf ?? schema.oneOf) as Schema[];
    return options.some((option) => violations(doc, option, value, at).length === 0) ? [] : [`${at}: matches none of its ${options.length} options`];
  }
  if ('const' in schema && value !== schema.const) return [`${at}: is not ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${at}: is not one of ${JSON.stringify(schema.enum)}`];
  const type = Array.isArray(value) ? 'array' : value === null ? 'null' : Number.isInteger(value) ? 'integer' : typeof value;
  const allowed = schema.type === undefined ? undefined : [schema.type].flat();
  if (allowed && !allowed.includes(type) && !(type === 'integer' && allowed.includes('number'))) return [`${at}: is ${type}, not ${allowed.join('|')}`];
  if (type === 'array' && schema.items) return (value as unknown[]).flatMap((item, i) => violations(doc, schema.items, item, `${at}[${i}]`));
  if (type !== 'object') return [];
  const object = value as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const found = ((schema.required ?? []) as string[]).filter((k) => !(k in object)).map((k) => `${at}.${k}: is required`);
  for (const [key, item] of Object.entries(object)) {
    if (properties[key]) found.push(...violations(doc, properties[key]!, item, `${at}.${key}`));
    else if (schema.additionalProperties === false) found.push(`${at}.${key}: is not in the document`);
  }
  return found;
}

function answerSchema(doc: Doc, path: string, verb: string, status: number): Schema {
  let response = doc.paths[path]![verb]!.responses[String(status)];
  expect(response, `${verb.toUpperCase()} ${path} documents ${status}`).toBeDefined();
  if (response!.$ref) response = doc.components.responses[String(response!.$ref).replace('#/components/responses/', '')];
  return response!.content['application/json'].schema as Schema;
}

describe('answers match the document', () => {
  it('GET /categories?view=tree: the children of each category, at every depth, are in the documented schema', async () => {
    const create = async (slug: string, parentId: string | null) =>
      (await stack.call('POST', '/api/v1/categories', { token: stack.tokens.staff, body: { name: slug, slug, parentId } })).body.data.id as string;
    const root = await create('truth-root', null);
    await create('truth-grandchild', await create('truth-child', root));
    const doc = await document();
    const res = await stack.call('GET', '/api/v1/categories?view=tree');
    expect(res.status).toBe(200);
    const tree = res.body.data.find((c: { id: string }) => c.id === root);
    expect(tree.children[0].children[0].children).toEqual([]);
    expect(violations(doc, answerSchema(doc, '/api/v1/categories', 'get', 200), res.body)).toEqual([]);
    const flat = await stack.call('GET', '/api/v1/categories');
    expect(violations(doc, answerSchema(doc, '/api/v1/categories', 'get', 200), flat.body)).toEqual([]);
  });

  it('lists explicit statuses on every operation (a `default` would let any status pass), each an error envelope', async () => {
    const doc = await document();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [verb, op] of Object.entries(item)) {
        expect(Object.keys(op.responses), `${verb} ${path}`).not.toContain('default');
        expect(Object.keys(op.responses), `${verb} ${path}`).toEqual(expect.arrayContaining(['400', '401', '429', '431', '503', '504']));
      }
    }
  });
});

describe('statuses', () => {
  it('a body that is not JSON is refused with 415, which every operation taking a body lists', async () => {
    const doc = await document();
    for (const [path, verb] of [['/api/v1/products/{id}', 'patch'], ['/api/v1/users/{id}', 'patch']] as const) {
      const res = await fetch(`${gatewayUrl()}${path.replace('{id}', randomUUID())}`, {
        method: verb.toUpperCase(),
        headers: { authorization: `Bearer ${stack.tokens.admin}`, 'content-type': 'text/plain' },
        body: 'name=x',
      });
      expect(res.status, `${verb} ${path}`).toBe(415);
      expect(violations(doc, answerSchema(doc, path, verb, 415), await res.json())).toEqual([]);
    }
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [verb, op] of Object.entries(item)) if (op.requestBody) expect(Object.keys(op.responses), `${verb} ${path}`).toEqual(expect.arrayContaining(['413', '415']));
    }
  });
});

describe('user-service routes (transcoded from the protos)', () => {
  it('declare the bearer token they need and list the 401 and 403 they answer', async () => {
    const doc = await document();
    const userOps = Object.entries(doc.paths)
      .filter(([path]) => /^\/api\/v1\/(users|roles|permissions)\b/.test(path))
      .flatMap(([path, item]) => Object.entries(item).map(([verb, op]) => ({ path, verb, op })));
    expect(userOps.length).toBeGreaterThanOrEqual(11);
    for (const { path, verb, op } of userOps) {
      expect(op.security, `${verb} ${path}`).toEqual([{ bearerAuth: [] }]);
      expect(Object.keys(op.responses), `${verb} ${path}`).toEqual(expect.arrayContaining(['401', '403']));
    }
    const anonymous = await stack.call('GET', '/api/v1/users');
    expect(anonymous.status).toBe(401);
    expect(violations(doc, answerSchema(doc, '/api/v1/users', 'get', 401), anonymous.body)).toEqual([]);
    const staffCreating = await stack.call('POST', '/api/v1/users', { token: stack.tokens.staff, body: { email: 'x@example.com', name: 'X' } });
    expect(staffCreating.status).toBe(403);
  });

  it('carry the constraints the user service validates with, from its /openapi.json', async () => {
    const bindings = readHttpBindings(registryFromDescriptorSet(readDescriptorSet())).filter((b) => b.upstream === 'user');
    const user = { name: 'user', address: stack.user.urls.grpc!, url: new URL(stack.user.urls.http!) };
    const doc = (await new OpenApiDocument(bindings, [], 2_000, [user]).build()) as unknown as Doc;

    const getUser = doc.paths['/api/v1/users/{id}']!.get!;
    expect(getUser.parameters[0]!.schema).toMatchObject({ type: 'string', format: 'uuid' });
    const createUser = doc.paths['/api/v1/users']!.post!.requestBody!.content['application/json'].schema;
    expect(createUser).toMatchObject({ required: ['email', 'name'], additionalProperties: false, properties: { email: { format: 'email', maxLength: 320 }, name: { minLength: 1, maxLength: 200 } } });
    const updateUser = doc.paths['/api/v1/users/{id}']!.patch!.requestBody!.content['application/json'].schema;
    expect(Object.keys(updateUser.properties)).toEqual(['email', 'name', 'status']);
    expect(updateUser.properties.status.enum).toEqual(['USER_STATUS_ACTIVE', 'USER_STATUS_SUSPENDED']);
    const pageSize = doc.paths['/api/v1/users']!.get!.parameters.find((p) => p.name === 'pageSize')!;
    expect(pageSize.schema).toMatchObject({ type: 'integer', minimum: 0, maximum: 100 });
    const revoke = doc.paths['/api/v1/users/{user_id}/roles/{role}']!.delete!;
    expect(revoke.parameters[0]!.schema.format).toBe('uuid');
    expect(revoke.parameters[1]!.schema.pattern).toBe('^[a-z][a-z0-9_]{1,62}$');

    // ... and the service refuses what the document rules out, with a status the document lists.
    const malformed = await stack.call('GET', '/api/v1/users/not-a-uuid', { token: stack.tokens.staff });
    expect(malformed.status).toBe(400);
    expect(getUser.responses['400']).toBeDefined();
  });
});

describe('catalog parameters', () => {
  it('document `sort` with the keys the catalog sorts by, which it takes, and refuses others', async () => {
    const doc = await document();
    const sort = doc.paths['/api/v1/products']!.get!.parameters.find((p) => p.name === 'sort')!;
    const pattern = new RegExp(sort.schema.pattern);
    for (const value of ['-created_at,name', 'sku', 'updatedAt,-name']) {
      expect(value).toMatch(pattern);
      expect((await stack.call('GET', `/api/v1/products?sort=${value}`)).status, value).toBe(200);
    }
    for (const value of ['price', '-created_at,', 'name;drop']) {
      expect(value).not.toMatch(pattern);
      expect((await stack.call('GET', `/api/v1/products?sort=${encodeURIComponent(value)}`)).status, value).toBe(400);
    }
  });
});
