// What the edge does when an upstream fails or a client pushes too hard: 503 while the catalog is down, the
// circuit opening after repeated failures, a probe after the open period, recovery; readiness; rate limits.
import { startCatalog } from '@ecommerce/catalog';
import { describe, expect, it } from 'vitest';
import { freePort } from '@ecommerce/common/testing';
import { startGateway } from '../src/main.js';
import { useStack } from './harness.js';

let now = 1_000_000;
const stack = useStack(
  { CIRCUIT_FAILURE_THRESHOLD: '2', CIRCUIT_OPEN_MS: '30000', RATE_LIMIT_AUTH_PER_MINUTE: '2', RATE_LIMIT_PER_MINUTE: '1000' },
  { clock: () => now },
);

describe('an upstream that goes down', () => {
  it('answers 503, opens the circuit after repeated failures, and recovers through a probe once the catalog is back', async () => {
    expect((await stack.call('GET', '/readyz')).body).toEqual({ status: 'ready', upstreams: { catalog: 'ready', user: 'ready' } });
    await stack.catalog.stop();

    // The edge judges a token before any upstream is asked: 401, not 503.
    expect((await stack.call('GET', '/api/v1/brands', { token: 'not.a.jwt' })).status).toBe(401);
    const down = await stack.call('GET', '/api/v1/brands');
    expect(down.status).toBe(503);
    expect(down.body.error).toMatchObject({ code: 'UNAVAILABLE', message: 'upstream catalog is unavailable' });
    expect((await stack.call('GET', '/api/v1/brands')).status).toBe(503);

    const open = await stack.call('GET', '/api/v1/brands');
    expect(open.status).toBe(503);
    expect(open.body.error.message).toMatch(/^upstream catalog is unavailable \(circuit open\); retry in 30 s$/);
    expect(open.headers.get('retry-after')).toBe('30');
    const readiness = await stack.call('GET', '/readyz');
    expect(readiness.status).toBe(503);
    expect(readiness.body.upstreams).toEqual({ catalog: 'not ready', user: 'ready' });
    // The other upstream's breaker is its own.
    expect((await stack.call('GET', '/api/v1/roles', { token: stack.tokens.staff })).status).toBe(200);

    stack.catalog = await startCatalog(stack.catalogEnv);
    expect((await stack.call('GET', '/api/v1/brands')).status).toBe(503);
    now += 30_000;
    expect((await stack.call('GET', '/api/v1/brands')).status).toBe(200);
    expect((await stack.call('GET', '/api/v1/brands')).status).toBe(200);
  });

  it('answers 503 naming the core service when its gRPC address does not answer', async () => {
    const lonely = await startGateway({ HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent', JWT_PUBLIC_KEY: stack.issuer.publicKeyPem, USER_GRPC_ADDRESS: `127.0.0.1:${await freePort()}`, GRPC_DEADLINE_MS: '2000' });
    try {
      const res = await fetch(`${lonely.urls.http}/api/v1/roles`, { headers: { authorization: `Bearer ${stack.tokens.staff}` } });
      expect(res.status).toBe(503);
      expect((await res.json()).error).toMatchObject({ code: 'UNAVAILABLE', message: 'upstream user is unavailable' });
    } finally {
      await lonely.stop();
    }
  });
});

describe('rate limits', () => {
  it('gives auth routes a stricter bucket: 429 with Retry-After, while other routes still pass', async () => {
    const login = () => stack.call('POST', '/api/v1/auth/login', { body: { email: 'a@example.com', password: 'x' } });
    expect((await login()).status).not.toBe(429);
    expect((await login()).status).not.toBe(429);
    const limited = await login();
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RESOURCE_EXHAUSTED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await stack.call('GET', '/api/v1/products')).status).toBe(200);
  });

  it('counts each client behind a trusted load balancer separately, by X-Forwarded-For', async () => {
    const edge = await startGateway({ HTTP_PORT: '0', HTTP_HOST: '127.0.0.1', LOG_LEVEL: 'silent', TRUST_PROXY_HOPS: '1', RATE_LIMIT_PER_MINUTE: '1' });
    try {
      const from = (client: string) => fetch(`${edge.urls.http}/api/v1/anything`, { headers: { 'x-forwarded-for': client } }).then((r) => r.status);
      expect(await from('198.51.100.1')).toBe(404);
      expect(await from('198.51.100.1')).toBe(429);
      expect(await from('198.51.100.2')).toBe(404);
    } finally {
      await edge.stop();
    }
  });
});
