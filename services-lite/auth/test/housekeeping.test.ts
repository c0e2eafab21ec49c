import { createDatabase } from '@ecommerce/common/db';
import { createMigratedTestDatabase } from '@ecommerce/common/testing';
import { expect, it } from 'vitest';
import { pruneExpiredCredentials } from '../src/use-cases/housekeeping.js';

it('deletes expired and long-used credentials and keeps live ones', async () => {
  const database = await createMigratedTestDatabase('auth');
  const db = createDatabase({ url: database.url, schema: 'auth', poolMax: 1 });
  try {
    const [{ id }] = await db('accounts').insert({ email: 'ann@example.com', type: 'customer' }).returning('id');
    const past = new Date(Date.now() - 2 * 86_400_000);
    const future = new Date(Date.now() + 86_400_000);
    await db('revoked_access_tokens').insert([{ jti: 'old', expires_at: past }, { jti: 'live', expires_at: future }]);
    const family = crypto.randomUUID();
    await db('refresh_tokens').insert([
      { account_id: id, family_id: family, token_hash: 'old', expires_at: past },
      { account_id: id, family_id: family, token_hash: 'live', expires_at: future },
    ]);
    await db('one_time_tokens').insert([
      { token_hash: 'expired', account_id: id, purpose: 'password_reset', expires_at: past },
      { token_hash: 'used-long-ago', account_id: id, purpose: 'password_reset', expires_at: future, used_at: past },
      { token_hash: 'used-just-now', account_id: id, purpose: 'password_reset', expires_at: future, used_at: new Date() },
      { token_hash: 'live', account_id: id, purpose: 'email_verification', expires_at: future },
    ]);

    expect(await pruneExpiredCredentials(db)).toEqual({ revokedJtis: 1, refreshTokens: 1, oneTimeTokens: 2 });
    expect(await db('revoked_access_tokens').pluck('jti')).toEqual(['live']);
    expect(await db('refresh_tokens').pluck('token_hash')).toEqual(['live']);
    expect((await db('one_time_tokens').pluck('token_hash')).sort()).toEqual(['live', 'used-just-now']);
  } finally {
    await db.destroy();
    await database.drop();
  }
});
