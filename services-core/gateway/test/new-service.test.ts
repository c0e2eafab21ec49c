// The promise of annotation-driven routing, end to end: a gRPC service the gateway has no code for (built in
// memory, see descriptor-fixture.ts) is reachable over REST as soon as its descriptors and address are given.
import { create, fromBinary, toBinary, type DescMessage, type Message } from '@bufbuild/protobuf';
import { FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { Server, ServerCredentials, status, type Metadata, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '@ecommerce/common/lifecycle';
import { startGateway } from '../src/main.js';
import { shelfRegistry } from './descriptor-fixture.js';

const registry = shelfRegistry();
const method = registry.getService('ecommerce.shelf.v1.ShelfService')!.methods[0]!;
let server: Server;
let gateway: RunningService;
let token: string;
const received: { request: Record<string, unknown>; metadata: Metadata }[] = [];

function codec(desc: DescMessage) {
  return { serialize: (m: Message) => Buffer.from(toBinary(desc, m)), deserialize: (b: Buffer) => fromBinary(desc, b) };
}

beforeAll(async () => {
  server = new Server();
  const input = codec(method.input);
  const output = codec(method.output);
  server.addService(
    {
      SearchBooks: {
        path: `/${method.parent.typeName}/${method.name}`,
        requestStream: false,
        responseStream: false,
        requestSerialize: input.serialize,
        requestDeserialize: input.deserialize,
        responseSerialize: output.serialize,
        responseDeserialize: output.deserialize,
      },
    },
    {
      SearchBooks(call: ServerUnaryCall<Message & { shelf: string; tags: string[] }, Message>, callback: sendUnaryData<Message>) {
        received.push({ request: call.request as unknown as Record<string, unknown>, metadata: call.metadata });
        if (call.request.shelf === 'missing') return callback({ code: status.NOT_FOUND, details: 'shelf missing not found' });
        callback(null, create(method.output, { titles: call.request.tags.map((t) => `A book about ${t}`) }));
      },
    },
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  const issuer = await createTestJwtIssuer();
  token = await issuer.sign({ sub: 'reader-1', roles: ['customer'] });
  const descriptorSet = toBinary(FileDescriptorSetSchema, create(FileDescriptorSetSchema, { file: [...registry.files].map((f) => f.proto) }));
  gateway = await startGateway(
    { HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SHELF_GRPC_ADDRESS: `127.0.0.1:${port}`, JWT_PUBLIC_KEY: issuer.publicKeyPem },
    {},
    { descriptorSet },
  );
});

afterAll(async () => {
  await gateway?.stop();
  server?.forceShutdown();
});

describe('a core service the gateway has never seen', () => {
  it('is called over REST with path, nested and repeated query fields, and answers proto-JSON in the envelope', async () => {
    const res = await fetch(`${gateway.urls.http}/api/v1/shelves/sci-fi/books?tags=space&tags=robots&filter.priceRange.to=30&in_stock=true`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, data: { titles: ['A book about space', 'A book about robots'] } });
    const { request } = received.at(-1)!;
    expect(request).toMatchObject({ shelf: 'sci-fi', tags: ['space', 'robots'], inStock: true, filter: { priceRange: { to: 30 } } });
  });

  it('serves an additional binding with a custom verb, the body mapped to the field it names', async () => {
    const res = await fetch(`${gateway.urls.http}/api/v1/shelves/poetry/books:search?tags=old`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minPrice: 3, authors: ['Basho'] }),
    });
    expect(res.status).toBe(200);
    expect(received.at(-1)!.request).toMatchObject({ shelf: 'poetry', tags: ['old'], filter: { minPrice: 3, authors: ['Basho'] } });
  });

  it('passes the token, the request id and the trace context on as gRPC metadata', async () => {
    const trace = '0af7651916cd43dd8448eb211c80319c';
    await fetch(`${gateway.urls.http}/api/v1/shelves/poetry/books`, {
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'shelf-req-1', traceparent: `00-${trace}-b7ad6b7169203331-01` },
    });
    const { metadata } = received.at(-1)!;
    expect(metadata.get('authorization')).toEqual([`Bearer ${token}`]);
    expect(metadata.get('x-request-id')).toEqual(['shelf-req-1']);
    expect(String(metadata.get('traceparent')[0])).toMatch(new RegExp(`^00-${trace}-[0-9a-f]{16}-01$`));
  });

  it('maps its gRPC errors like any other: NOT_FOUND is a 404', async () => {
    const res = await fetch(`${gateway.urls.http}/api/v1/shelves/missing/books`);
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'NOT_FOUND', message: 'shelf missing not found' });
  });

  it('appears in the OpenAPI document', async () => {
    const doc = await (await fetch(`${gateway.urls.http}/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(['/api/v1/shelves/{shelf}/books', '/api/v1/shelves/{shelf}/books:search']);
  });
});
