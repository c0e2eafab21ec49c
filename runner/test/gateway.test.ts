// The embedded ecosystem with the gateway in front: everything reachable through one URL.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@ecommerce/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcosystem, type RunningEcosystem } from '../src/ecosystem.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let ecosystem: RunningEcosystem;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-gateway-'));
  await chmod(dir, 0o755);
  ecosystem = await startEcosystem({ repoRoot, dataDir: path.join(dir, 'data'), postgresPort: await freePort(), ports: 'ephemeral', logLevel: 'silent', log: () => {} });
});

afterAll(async () => {
  await ecosystem?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('embedded ecosystem behind the gateway', () => {
  it('starts the gateway last, pointed at the addresses the other services got', async () => {
    expect(ecosystem.services.at(-1)!.name).toBe('gateway');
    const gateway = ecosystem.services.at(-1)!.urls.http!;
    const ready = await (await fetch(`${gateway}/readyz`)).json();
    expect(ready.status).toBe('ready');
    expect(Object.keys(ready.upstreams)).toEqual(expect.arrayContaining(['catalog', 'user']));

    const auth = { authorization: `Bearer ${ecosystem.devStaffToken}`, 'content-type': 'application/json' };
    const brand = await fetch(`${gateway}/api/v1/brands`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'Front Door', slug: 'front-door' }) });
    expect(brand.status).toBe(201);
    expect((await (await fetch(`${gateway}/api/v1/brands`)).json()).data.map((b: { slug: string }) => b.slug)).toContain('front-door');
    const roles = await fetch(`${gateway}/api/v1/roles`, { headers: auth });
    expect(roles.status).toBe(200);
  });

  it('walks the README: register, log in, browse the catalog, staff adds a product the customer then finds', async () => {
    const gateway = ecosystem.services.find((s) => s.name === 'gateway')!.urls.http!;
    const json = { 'content-type': 'application/json' };
    const credentials = JSON.stringify({ email: 'walker@example.com', password: 'correct horse battery staple' });
    expect((await fetch(`${gateway}/api/v1/auth/register`, { method: 'POST', headers: json, body: credentials })).status).toBe(201);
    const login = await fetch(`${gateway}/api/v1/auth/login`, { method: 'POST', headers: json, body: credentials });
    const customer = { ...json, authorization: `Bearer ${(await login.json()).data.accessToken}` };

    expect((await fetch(`${gateway}/api/v1/products`, { headers: customer })).status).toBe(200);
    const product = JSON.stringify({ sku: 'WALK-1', slug: 'walking-stick', name: 'Walking stick', status: 'active' });
    expect((await fetch(`${gateway}/api/v1/products`, { method: 'POST', headers: customer, body: product })).status).toBe(403);
    const staff = { ...json, authorization: `Bearer ${ecosystem.devStaffToken}` };
    expect((await fetch(`${gateway}/api/v1/products`, { method: 'POST', headers: staff, body: product })).status).toBe(201);

    const found = await (await fetch(`${gateway}/api/v1/products?q=walking`, { headers: customer })).json();
    expect(found.data.map((p: { sku: string }) => p.sku)).toEqual(['WALK-1']);
  });
});
