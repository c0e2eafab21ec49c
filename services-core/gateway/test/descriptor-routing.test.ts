// Routing and request building from descriptors alone: a service the gateway has never seen.
import { toJson, type JsonObject } from '@bufbuild/protobuf';
import { ValidationError } from '@ecommerce/common/errors';
import { describe, expect, it } from 'vitest';
import { protoPaths } from '../src/openapi/proto-paths.js';
import { readHttpBindings } from '../src/transcode/http-rules.js';
import { parsePathTemplate } from '../src/transcode/path-template.js';
import { buildRequest } from '../src/transcode/request-builder.js';
import { shelfRegistry } from './descriptor-fixture.js';

const registry = shelfRegistry();
const bindings = readHttpBindings(registry).filter((b) => b.upstream === 'shelf');
const [getBinding, postBinding] = [bindings.find((b) => b.verb === 'get')!, bindings.find((b) => b.verb === 'post')!];

function request(binding: typeof getBinding, url: string, body?: unknown): JsonObject {
  const [path, query = ''] = url.split('?');
  const shelf = /shelves\/([^/]+)\/books/.exec(path!)![1]!;
  const message = buildRequest(binding, { pathParams: { shelf }, query: new URLSearchParams(query), body }, registry);
  return toJson(binding.method.input, message) as JsonObject;
}

describe('routes from annotations', () => {
  it('finds an annotated RPC and its additional bindings, owned by the service its package names', () => {
    expect(bindings.map((b) => `${b.verb} ${b.path.template} body=${b.body}`)).toEqual([
      'get /api/v1/shelves/{shelf}/books body=',
      'post /api/v1/shelves/{shelf}/books:search body=filter',
    ]);
  });

  it('turns path templates into Express and OpenAPI paths', () => {
    expect(parsePathTemplate('/api/v1/users/{user_id}/roles/{role}')).toMatchObject({
      expressPath: '/api/v1/users/:user_id/roles/:role',
      openApiPath: '/api/v1/users/{user_id}/roles/{role}',
      variables: [{ fieldPath: 'user_id' }, { fieldPath: 'role' }],
    });
    expect(parsePathTemplate('/v1/{file.name=files/**}').expressPath).toBe('/v1/*file__name');
    expect(parsePathTemplate('/v1/books/{id}:cancel')).toMatchObject({ expressPath: '/v1/books/:id\\:cancel', openApiPath: '/v1/books/{id}:cancel' });
  });
});

describe('request building', () => {
  it('sets nested fields from dotted query parameters and repeated fields from repeated keys', () => {
    expect(request(getBinding, '/api/v1/shelves/sci-fi/books?tags=space&tags=robots&filter.min_price=5&filter.priceRange.to=30&filter.authors=Le%20Guin&in_stock=true')).toEqual({
      shelf: 'sci-fi',
      tags: ['space', 'robots'],
      filter: { minPrice: 5, priceRange: { to: 30 }, authors: ['Le Guin'] },
      inStock: true,
    });
  });

  it('maps the body to the field the binding names, and still reads the query for the rest', () => {
    expect(request(postBinding, '/api/v1/shelves/poetry/books:search?tags=old', { minPrice: 3 })).toEqual({ shelf: 'poetry', filter: { minPrice: 3 }, tags: ['old'] });
  });

  it('refuses a query parameter naming a whole message, or a field the body carries, naming it', () => {
    expect(() => request(getBinding, '/api/v1/shelves/a/books?filter=x')).toThrow(ValidationError);
    try {
      request(postBinding, '/api/v1/shelves/a/books:search?filter.min_price=1', {});
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).details).toEqual([{ field: 'filter.min_price', message: 'is carried in the body' }]);
    }
  });

  it('refuses query parameters on a route whose body is the whole request', () => {
    const createUser = readHttpBindings(registry).find((b) => b.method.name === 'CreateUser')!;
    try {
      buildRequest(createUser, { pathParams: {}, query: new URLSearchParams('email=a@example.com'), body: {} }, registry);
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).details).toEqual([{ field: 'email', message: 'is not accepted as a query parameter here; send it in the body' }]);
    }
  });

  it('refuses a boolean that is not true or false, naming the field', () => {
    try {
      request(getBinding, '/api/v1/shelves/a/books?in_stock=yes');
      expect.unreachable();
    } catch (err) {
      expect((err as ValidationError).details).toEqual([{ field: 'in_stock', message: 'must be true or false' }]);
    }
  });
});

describe('OpenAPI from annotations', () => {
  it('documents path variables, flattened query parameters and the body field', () => {
    const { paths } = protoPaths(bindings);
    const get = paths['/api/v1/shelves/{shelf}/books']!.get as { parameters: { name: string; in: string }[] };
    expect(get.parameters.map((p) => `${p.in}:${p.name}`)).toEqual([
      'path:shelf',
      'query:filter.minPrice',
      'query:filter.priceRange.from',
      'query:filter.priceRange.to',
      'query:filter.authors',
      'query:tags',
      'query:inStock',
    ]);
    const post = paths['/api/v1/shelves/{shelf}/books:search']!.post as { requestBody: unknown; parameters: { name: string }[] };
    expect(post.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ecommerce.shelf.v1.Filter' } } } });
    expect(post.parameters.map((p) => p.name)).toEqual(['shelf', 'tags', 'inStock']);
  });
});
