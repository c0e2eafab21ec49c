// Client credentials: a platform service trades its name and secret for a short-lived staff token that the other
// services verify from auth's JWKS; the kit's token source fetches it once and reuses it.
import { createJwtVerifier, serviceTokenSource } from '@ecommerce/common/http';
import { describe, expect, it } from 'vitest';
import { useAuthHarness } from './auth-harness.js';

const SECRET = 'order-secret-'.padEnd(40, 'x');
const auth = useAuthHarness({ SERVICE_CLIENTS: `order:${SECRET},shipping:${'shipping-secret-'.padEnd(40, 'y')}` });

async function requestToken(body: unknown) {
  const res = await fetch(`${auth.url}/internal/service-token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

describe('service tokens (client credentials)', () => {
  it('issues a staff token of type service to a known service with its secret, verifiable from the JWKS', async () => {
    const { status, body } = await requestToken({ service: 'order', secret: SECRET });
    expect(status).toBe(200);
    const principal = await createJwtVerifier({ jwksUrl: `${auth.url}/.well-known/jwks.json` }).verify(body.data.accessToken);
    expect(principal).toMatchObject({ sub: 'service:order', roles: ['staff'], type: 'service' });
    expect(Date.parse(body.data.expiresAt) - Date.now()).toBeLessThanOrEqual(300_000);
  });

  it('refuses a wrong secret, another service\'s secret and an unknown service with 401', async () => {
    expect((await requestToken({ service: 'order', secret: `${SECRET}z` })).status).toBe(401);
    expect((await requestToken({ service: 'shipping', secret: SECRET })).status).toBe(401);
    expect((await requestToken({ service: 'billing', secret: SECRET })).status).toBe(401);
  });

  it('answers a body without the secret with 400 naming the field', async () => {
    const { status, body } = await requestToken({ service: 'order' });
    expect(status).toBe(400);
    expect(body.error.details.map((d: { field: string }) => d.field)).toContain('secret');
  });

  it('is not part of the public API under /api/v1', async () => {
    expect((await auth.api.post('/internal/service-token', { service: 'order', secret: SECRET })).status).toBe(404);
  });

  it('gives the kit token source one fetch for many concurrent callers and a fresh token after half its life', async () => {
    let clock = Date.now();
    const token = serviceTokenSource({ authUrl: auth.url, service: 'order', secret: SECRET, now: () => clock });
    const tokens = await Promise.all(Array.from({ length: 20 }, () => token()));
    expect(new Set(tokens).size).toBe(1);
    expect(await token()).toBe(tokens[0]);
    clock += 151_000;
    expect(await token()).not.toBe(tokens[0]);
  });

  it('makes the kit token source fail as unavailable when auth refuses the secret', async () => {
    const token = serviceTokenSource({ authUrl: auth.url, service: 'order', secret: 'wrong' });
    await expect(token()).rejects.toMatchObject({ type: 'unavailable' });
  });
});
