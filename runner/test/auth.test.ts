// The auth service inside the embedded ecosystem: a customer signs up and logs in through the gateway.
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
  dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-auth-'));
  await chmod(dir, 0o755);
  ecosystem = await startEcosystem({ repoRoot, dataDir: path.join(dir, 'data'), postgresPort: await freePort(), ports: 'ephemeral', logLevel: 'silent', log: () => {} });
});

afterAll(async () => {
  await ecosystem?.stop();
  await rm(dir, { recursive: true, force: true });
});

const urlsOf = (name: string) => ecosystem.services.find((s) => s.name === name)!.urls;

describe('auth in the embedded ecosystem', () => {
  it('registers, logs in and refreshes a customer through the gateway, and serves its JWKS', async () => {
    const gateway = urlsOf('gateway').http!;
    const json = { 'content-type': 'application/json' };
    const credentials = JSON.stringify({ email: 'ann@example.com', password: 'correct horse battery' });

    expect((await fetch(`${gateway}/api/v1/auth/register`, { method: 'POST', headers: json, body: credentials })).status).toBe(201);
    const login = await fetch(`${gateway}/api/v1/auth/login`, { method: 'POST', headers: json, body: credentials });
    expect(login.status).toBe(200);
    const tokens = (await login.json()).data;
    const refreshed = await fetch(`${gateway}/api/v1/auth/refresh`, { method: 'POST', headers: json, body: JSON.stringify({ refreshToken: tokens.refreshToken }) });
    expect(refreshed.status).toBe(200);

    const jwks = await (await fetch(urlsOf('auth').jwks!)).json();
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: 'EC', alg: 'ES256' })]);
  });
});
