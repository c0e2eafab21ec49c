// Under `make dev` every service checks who issued a token: the auth service's tokens and the development token
// pass, while a token with another `iss` is refused with 401 even when signed by a trusted key (here the
// development key the runner keeps under its data directory).
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@ecommerce/common/testing';
import { importPKCS8, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startEcosystem, type RunningEcosystem } from '../src/ecosystem.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let ecosystem: RunningEcosystem;
let foreignStaffToken: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-issuer-'));
  await chmod(dir, 0o755);
  const dataDir = path.join(dir, 'data');
  ecosystem = await startEcosystem({ repoRoot, dataDir, postgresPort: await freePort(), ports: 'ephemeral', logLevel: 'silent', log: () => {} });
  const devKey = await importPKCS8(await readFile(path.join(dataDir, 'dev-jwt', 'private.pem'), 'utf8'), 'ES256');
  foreignStaffToken = await new SignJWT({ roles: ['staff', 'admin'], type: 'staff' })
    .setProtectedHeader({ alg: 'ES256', kid: 'dev' })
    .setSubject('intruder')
    .setIssuer('https://evil.example')
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(devKey);
});

afterAll(async () => {
  await ecosystem?.stop();
  await rm(dir, { recursive: true, force: true });
});

const url = (name: string) => ecosystem.services.find((s) => s.name === name)!.urls.http!;
const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ ...json, authorization: `Bearer ${token}` });

describe('issuer checks under the runner', () => {
  it('refuses a token with a foreign iss at the catalog, the customer service, the gateway and the user service', async () => {
    const brand = JSON.stringify({ name: 'Foreign', slug: 'foreign' });
    expect((await fetch(`${url('catalog')}/api/v1/brands`, { method: 'POST', headers: bearer(foreignStaffToken), body: brand })).status).toBe(401);
    expect((await fetch(`${url('customer')}/api/v1/customers`, { headers: bearer(foreignStaffToken) })).status).toBe(401);
    expect((await fetch(`${url('gateway')}/api/v1/brands`, { method: 'POST', headers: bearer(foreignStaffToken), body: brand })).status).toBe(401);
    expect((await fetch(`${url('gateway')}/api/v1/roles`, { headers: bearer(foreignStaffToken) })).status).toBe(401);
  });

  it('still accepts the development token and the tokens auth issues', async () => {
    const brand = JSON.stringify({ name: 'Home', slug: 'home' });
    expect((await fetch(`${url('gateway')}/api/v1/brands`, { method: 'POST', headers: bearer(ecosystem.devStaffToken), body: brand })).status).toBe(201);
    expect((await fetch(`${url('gateway')}/api/v1/roles`, { headers: bearer(ecosystem.devStaffToken) })).status).toBe(200);

    const credentials = JSON.stringify({ email: 'issuer@example.com', password: 'correct horse battery staple' });
    expect((await fetch(`${url('gateway')}/api/v1/auth/register`, { method: 'POST', headers: json, body: credentials })).status).toBe(201);
    const login = await (await fetch(`${url('gateway')}/api/v1/auth/login`, { method: 'POST', headers: json, body: credentials })).json();
    await vi.waitFor(async () => expect((await fetch(`${url('gateway')}/api/v1/customers/me`, { headers: bearer(login.data.accessToken) })).status).toBe(200));
  });
});
