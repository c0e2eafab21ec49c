// The events auth's use cases decide, read from the unit of work as it commits (onCommit): no HTTP, no relay,
// only the use case, its repositories and a real database.
import { createDatabase, type Knex } from '@ecommerce/common/db';
import { parsePayload, type CloudEvent } from '@ecommerce/common/events';
import { createMigratedTestDatabase, type TestDatabase } from '@ecommerce/common/testing';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../src/crypto/passwords.js';
import { AccountRepository } from '../src/repositories/account-repository.js';
import { OneTimeTokenRepository } from '../src/repositories/one-time-token-repository.js';
import { RefreshTokenRepository } from '../src/repositories/refresh-token-repository.js';
import { FailedLogins } from '../src/use-cases/failed-logins.js';
import { RegisterUseCase } from '../src/use-cases/register.js';
import { createAuthUnitOfWork } from '../src/use-cases/unit-of-work.js';
import { anEmail } from './auth-harness.js';

// argon2's cost is not what these tests are about.
const plainHasher: PasswordHasher = { hash: async (p) => `plain:${p}`, verify: async (h, p) => h === `plain:${p}` };

let database: TestDatabase;
let db: Knex;
beforeAll(async () => {
  database = await createMigratedTestDatabase('auth');
  db = createDatabase({ url: database.url, schema: 'auth', poolMax: 2 });
});
afterAll(async () => {
  await db?.destroy();
  await database?.drop();
});

/** The use cases over one unit of work, and every event it committed so far. */
function useCases() {
  const uow = createAuthUnitOfWork(db);
  const committed: CloudEvent[] = [];
  uow.onCommit((events) => committed.push(...events));
  const accounts = new AccountRepository(db);
  const oneTimeTokens = new OneTimeTokenRepository(db);
  return {
    committed,
    accounts,
    register: new RegisterUseCase({ uow, accounts, oneTimeTokens, hasher: plainHasher, verificationTtlSeconds: 600 }),
    failedLogins: new FailedLogins(uow, accounts, new RefreshTokenRepository(db), { threshold: 2, lockSeconds: 60 }),
  };
}

describe('events decided by the use cases', () => {
  it('registration emits exactly one auth.account.registered with the verification token', async () => {
    const { register, committed } = useCases();
    const email = anEmail();

    const account = await register.execute({ email, password: 'pw' });

    expect(committed.map((e) => e.type)).toEqual(['auth.account.registered']);
    expect(committed[0]).toMatchObject({ subject: account.id, source: '/ecommerce/auth' });
    const payload = parsePayload(eventCatalog['auth.account.registered'], committed[0]!);
    expect(payload).toMatchObject({ accountId: account.id, email, type: AccountType.ACCOUNT_TYPE_CUSTOMER });
    expect(payload.verificationToken).not.toBe('');
  });

  it('a registration that fails (email taken) commits no event', async () => {
    const { register, committed } = useCases();
    const email = anEmail();
    await register.execute({ email, password: 'pw' });

    await expect(register.execute({ email, password: 'pw' })).rejects.toThrow(/already exists/);

    expect(committed.map((e) => e.type)).toEqual(['auth.account.registered']);
  });

  it('a failed login emits nothing until the one that locks the account, which emits auth.account.locked', async () => {
    const { register, failedLogins, accounts, committed } = useCases();
    const account = await register.execute({ email: anEmail(), password: 'pw' });
    committed.length = 0;

    await failedLogins.record(await accounts.get(account.id));
    expect(committed).toEqual([]);
    await failedLogins.record(await accounts.get(account.id));

    expect(committed.map((e) => e.type)).toEqual(['auth.account.locked']);
    expect(parsePayload(eventCatalog['auth.account.locked'], committed[0]!)).toMatchObject({ accountId: account.id, failedAttempts: 2 });
  });
});
