// Embedded mode shares one event transport: an event one service writes reaches another's consumer in-process.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase } from '@ecommerce/common/db';
import { freePort } from '@ecommerce/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEcosystem, type RunningEcosystem } from '../src/ecosystem.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let dir: string;
let ecosystem: RunningEcosystem;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'ecommerce-runner-events-'));
  await chmod(dir, 0o755);
  ecosystem = await startEcosystem({ repoRoot, dataDir: path.join(dir, 'data'), postgresPort: await freePort(), ports: 'ephemeral', logLevel: 'silent', log: () => {} });
});

afterAll(async () => {
  await ecosystem?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('events in the embedded ecosystem', () => {
  it('gives a staff user created in the user service an auth account through user.user.created', async () => {
    const gateway = ecosystem.services.find((s) => s.name === 'gateway')!.urls.http!;
    const email = `events.${Date.now()}@shop.test`;
    const res = await fetch(`${gateway}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ecosystem.devStaffToken}` },
      body: JSON.stringify({ email, name: 'Event Staff', roles: ['staff'] }),
    });
    expect(res.status).toBeLessThan(300);
    const auth = createDatabase({ url: ecosystem.postgresUrl, schema: 'auth', poolMax: 1 });
    try {
      const deadline = Date.now() + 20_000;
      let account: { email: string; type: string } | undefined;
      while (!account && Date.now() < deadline) {
        account = await auth('accounts').where({ email }).first('email', 'type');
        if (!account) await new Promise((r) => setTimeout(r, 50));
      }
      expect(account).toEqual({ email, type: 'staff' });
    } finally {
      await auth.destroy();
    }
  });
});
