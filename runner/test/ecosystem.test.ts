import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@ecommerce/common/testing';
import { startEcosystem, type EcosystemSettings } from '../src/ecosystem.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dataDir: string;
let settings: EcosystemSettings;

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-'));
  await chmod(dir, 0o755);
  dataDir = path.join(dir, 'data');
  settings = { repoRoot, dataDir, postgresPort: await freePort(), ports: 'ephemeral', logLevel: 'silent', log: () => {} };
});

afterAll(async () => {
  await rm(path.dirname(dataDir), { recursive: true, force: true });
});

describe('embedded ecosystem', () => {
  it('migrates, serves every hosted service, and keeps data across a restart', async () => {
    const first = await startEcosystem(settings);
    const catalog = first.services.find((s) => s.name === 'catalog')!.urls.http!;
    const created = await fetch(`${catalog}/api/v1/brands`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.devStaffToken}` },
      body: JSON.stringify({ name: 'Survivor', slug: 'survivor' }),
    });
    expect(created.status).toBe(201);
    await first.stop();
    await expect(fetch(`${catalog}/healthz`)).rejects.toThrow();

    const second = await startEcosystem(settings);
    try {
      const again = second.services.find((s) => s.name === 'catalog')!.urls.http!;
      expect((await fetch(`${again}/readyz`)).status).toBe(200);
      const brands = await (await fetch(`${again}/api/v1/brands`)).json();
      expect(brands.data.map((b: { slug: string }) => b.slug)).toContain('survivor');
    } finally {
      await second.stop();
    }
  });
});

describe('embedded ecosystem trust', () => {
  it('has every service trust tokens the auth service issues, as well as the development key', async () => {
    const ecosystem = await startEcosystem(settings);
    try {
      const url = (name: string) => ecosystem.services.find((s) => s.name === name)!.urls.http!;
      const json = { 'content-type': 'application/json' };
      const credentials = JSON.stringify({ email: 'trust@example.com', password: 'a long enough passphrase' });
      expect((await fetch(`${url('auth')}/api/v1/auth/register`, { method: 'POST', headers: json, body: credentials })).status).toBe(201);
      const login = await (await fetch(`${url('auth')}/api/v1/auth/login`, { method: 'POST', headers: json, body: credentials })).json();
      const brand = JSON.stringify({ name: 'Trusted', slug: 'trusted' });

      // A verified customer lacks the staff role (403); a token the catalog could not verify would be a 401.
      const asCustomer = await fetch(`${url('catalog')}/api/v1/brands`, { method: 'POST', headers: { ...json, authorization: `Bearer ${login.data.accessToken}` }, body: brand });
      expect(asCustomer.status).toBe(403);
      const asDevStaff = await fetch(`${url('catalog')}/api/v1/brands`, { method: 'POST', headers: { ...json, authorization: `Bearer ${ecosystem.devStaffToken}` }, body: brand });
      expect(asDevStaff.status).toBe(201);
    } finally {
      await ecosystem.stop();
    }
  });
});
