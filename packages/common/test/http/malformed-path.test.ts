// Percent-encoding that is not UTF-8 cannot become route parameters (Express throws a URIError while matching):
// the kit's error handler answers it as the client's mistake, 400 INVALID_ARGUMENT, in the envelope.
import { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServiceApp, finishServiceApp, sendOk, startHttpServer, type HttpServerHandle } from '../../src/http/index.js';
import { createLogger } from '../../src/logger/index.js';
import { createMetrics } from '../../src/observability/index.js';

let server: HttpServerHandle;

beforeAll(async () => {
  const app = createServiceApp({ service: 'kit-test', logger: createLogger({ service: 'kit-test', level: 'silent' }), metrics: createMetrics('kit-test', { defaultMetrics: false }) });
  const api = Router();
  api.get('/things/:id', (req, res) => sendOk(res, req.params.id));
  app.use('/api/v1', api);
  finishServiceApp(app);
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});

afterAll(() => server.close());

describe('malformed percent-encoding in the path', () => {
  it('answers 400 INVALID_ARGUMENT naming the path for a parameter that is not UTF-8', async () => {
    const res = await fetch(`${server.url}/api/v1/things/%C3%28`);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      success: false,
      error: { code: 'INVALID_ARGUMENT', message: expect.stringContaining('path'), details: [{ field: 'path', message: expect.stringContaining('UTF-8') }] },
    });
  });

  it('still decodes well-formed percent-encoding', async () => {
    const res = await fetch(`${server.url}/api/v1/things/caf%C3%A9`);
    expect((await res.json()).data).toBe('café');
  });
});
