// What the auth database keeps for a password: an argon2id hash at no less than OWASP's baseline, whatever set it.
import { describe, expect, it } from 'vitest';
import { PASSWORD, registeredCustomer, useAuthHarness, type AuthHarness } from './auth-harness.js';
import { latestResetToken } from './reset-token.js';

const h = useAuthHarness();

interface Argon2Phc {
  algorithm: string;
  version: number;
  memoryKiB: number;
  timeCost: number;
  parallelism: number;
  saltBytes: number;
}

/** Reads `$argon2id$v=19$m=19456,t=2,p=1$<salt>$<digest>` (PHC string format, unpadded base64). */
function parsePhc(phc: string): Argon2Phc {
  const [empty, algorithm, version, params, salt, digest, ...rest] = phc.split('$');
  if (empty !== '' || !algorithm || !version || !params || !salt || !digest || rest.length > 0) {
    throw new Error(`not a PHC string: ${phc}`);
  }
  const field = (text: string, name: string) => {
    const pair = text.split(',').find((p) => p.startsWith(`${name}=`));
    if (!pair) throw new Error(`PHC string has no ${name}: ${phc}`);
    return Number(pair.slice(name.length + 1));
  };
  return {
    algorithm,
    version: field(version, 'v'),
    memoryKiB: field(params, 'm'),
    timeCost: field(params, 't'),
    parallelism: field(params, 'p'),
    saltBytes: Buffer.from(salt, 'base64').length,
  };
}

async function storedHash(harness: AuthHarness, accountId: string): Promise<string> {
  const row = await harness.db('accounts').where({ id: accountId }).first('password_hash');
  return row.password_hash;
}

/** Soft expectations: a failure lists every parameter that falls short, not just the first. */
function expectOwaspArgon2id(phc: string): void {
  const stored = parsePhc(phc);
  expect.soft(stored.algorithm).toBe('argon2id');
  expect.soft(stored.version).toBe(19);
  expect.soft(stored.memoryKiB).toBeGreaterThanOrEqual(19_456);
  expect.soft(stored.timeCost).toBeGreaterThanOrEqual(2);
  expect.soft(stored.parallelism).toBeGreaterThanOrEqual(1);
  expect.soft(stored.saltBytes).toBeGreaterThanOrEqual(16);
}

describe('stored password hashes', () => {
  it('stores a new customer password as argon2id v19 with at least 19 MiB, 2 passes and 1 lane', async () => {
    const { id } = await registeredCustomer(h);
    expectOwaspArgon2id(await storedHash(h, id));
  });

  it('stores a password set through a reset with the same algorithm and parameters', async () => {
    const { id, email } = await registeredCustomer(h);
    const before = await storedHash(h, id);
    await h.api.post('/auth/password/reset', { email });
    const res = await h.api.post('/auth/password/reset/confirm', { token: await latestResetToken(h, id), password: 'a brand new secret' });
    expect(res.status).toBe(204);
    const after = await storedHash(h, id);
    expect(after).not.toBe(before);
    expectOwaspArgon2id(after);
  });

  it('stores a changed password with the same algorithm and parameters', async () => {
    const { id, tokens } = await registeredCustomer(h);
    const before = await storedHash(h, id);
    const res = await h.api.post('/auth/password/change', { currentPassword: PASSWORD, newPassword: 'a brand new secret' }, tokens.accessToken);
    expect(res.status).toBe(204);
    const after = await storedHash(h, id);
    expect(after).not.toBe(before);
    expectOwaspArgon2id(after);
  });
});
