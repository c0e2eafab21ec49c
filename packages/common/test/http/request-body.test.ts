// A route that reads a body (parseBody) refuses a request that does not carry a JSON one: 415 for another
// content type, 400 for no body at all. Without this, express.json() leaves such a body unread and the route
// sees `{}`, so a PATCH "succeeds" and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServiceApp, finishServiceApp, parseBody, sendOk, startHttpServer, type HttpServerHandle } from '../../src/http/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createMetrics } from '../../src/observability/index.js';

let server: HttpServerHandle;
const patchSchema = z.object({ name: z.string().optional() }).strict();

beforeAll(async () => {
  const app = createServiceApp({ service: 'kit-test', logger: createLogger({ service: 'kit-test', level: 'silent' }), metrics: createMetrics('kit-test', { defaultMetrics: false }) });
  app.patch('/things/1', (req, res) => sendOk(res, parseBody(patchSchema, req)));
  app.post('/things/1/archive', (_req, res) => sendOk(res, 'archived')); // reads no body: none needed
  finishServiceApp(app);
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});

afterAll(() => server.close());

const patch = (init: RequestInit) => fetch(`${server.url}/things/1`, { method: 'PATCH', ...init });

describe('request bodies', () => {
  it('answers 415 naming the content type for a body that is not JSON', async () => {
    const res = await patch({ headers: { 'content-type': 'text/plain' }, body: '{"name":"x"}' });
    expect(res.status).toBe(415);
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: expect.stringContaining('application/json'), details: [{ field: 'content-type', message: expect.stringContaining('text/plain') }] },
    });
  });

  it('answers 415 for a form body', async () => {
    const res = await patch({ body: new URLSearchParams({ name: 'x' }) });
    expect(res.status).toBe(415);
  });

  it('answers 400 naming the body when there is none, with or without a JSON content type', async () => {
    for (const headers of [{}, { 'content-type': 'application/json' }] as Array<Record<string, string>>) {
      const res = await patch({ headers });
      expect(res.status).toBe(400);
      expect((await res.json()).error).toMatchObject({ code: 'INVALID_ARGUMENT', details: [{ field: 'body', message: expect.stringContaining('required') }] });
    }
  });

  it('accepts a JSON body, including an empty object', async () => {
    const res = await patch({ headers: { 'content-type': 'application/json; charset=utf-8' }, body: '{}' });
    expect(res.status).toBe(200);
  });

  it('leaves routes that read no body alone', async () => {
    expect((await fetch(`${server.url}/things/1/archive`, { method: 'POST' })).status).toBe(200);
  });
});
