// The customer service inside the embedded ecosystem: a customer registered at auth through the gateway reads
// the profile the customer service made from auth's event, through the gateway, with auth's token.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@ecommerce/common/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEcosystem, type RunningEcosystem } from '../src/ecosystem.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let ecosystem: RunningEcosystem;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-customer-'));
  await chmod(dir, 0o755);
  ecosystem = await startEcosystem({ repoRoot, dataDir: path.join(dir, 'data'), postgresPort: await freePort(), ports: 'ephemeral', logLevel: 'silent', log: () => {} });
});

afterAll(async () => {
  await ecosystem?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('customer in the embedded ecosystem', () => {
  it('gives a customer registered through the gateway their profile through the gateway', async () => {
    const gateway = ecosystem.services.find((s) => s.name === 'gateway')!.urls.http!;
    const json = { 'content-type': 'application/json' };
    const credentials = JSON.stringify({ email: 'cleo@example.com', password: 'correct horse battery' });
    const registered = await fetch(`${gateway}/api/v1/auth/register`, { method: 'POST', headers: json, body: credentials });
    expect(registered.status).toBe(201);
    const accountId = (await registered.json()).data.id;
    const login = await fetch(`${gateway}/api/v1/auth/login`, { method: 'POST', headers: json, body: credentials });
    const bearer = { ...json, authorization: `Bearer ${(await login.json()).data.accessToken}` };

    // The profile arrives by event (outbox -> shared transport -> inbox), a moment after the registration.
    await vi.waitFor(async () => expect((await fetch(`${gateway}/api/v1/customers/me`, { headers: bearer })).status).toBe(200));
    const me = await (await fetch(`${gateway}/api/v1/customers/me`, { headers: bearer })).json();
    expect(me.data).toMatchObject({ id: accountId, email: 'cleo@example.com', status: 'active' });

    const patched = await fetch(`${gateway}/api/v1/customers/me`, { method: 'PATCH', headers: bearer, body: JSON.stringify({ firstName: 'Cleo' }) });
    expect((await patched.json()).data.firstName).toBe('Cleo');
  });

  it('documents the customer routes in the gateway’s OpenAPI document', async () => {
    const gateway = ecosystem.services.find((s) => s.name === 'gateway')!.urls.http!;
    const doc = await (await fetch(`${gateway}/openapi.json`)).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/customers/me', '/api/v1/customers/segments/{id}/customers']));
  });
});
