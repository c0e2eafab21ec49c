import { describe, expect, it } from 'vitest';
import { anEmail, PASSWORD, registeredCustomer, useAuthHarness } from './auth-harness.js';

const h = useAuthHarness();

const introspect = async (token: string) => (await h.api.post('/auth/introspect', { token })).body.data;

const refreshAtOnce = (refreshToken: string, times: number) =>
  Promise.all(Array.from({ length: times }, () => h.api.post('/auth/refresh', { refreshToken })));

/** Every refresh token the account was ever given (one login: one family), read under the API. */
const refreshTokenRows = (accountId: string): Promise<Array<{ rotated_at: Date | null; revoked_at: Date | null }>> =>
  h.db('refresh_tokens').where({ account_id: accountId }).select('rotated_at', 'revoked_at');

describe('register, login, refresh, logout', () => {
  it('registers a customer and publishes auth.account.registered with a verification token through the outbox', async () => {
    const email = anEmail();
    const res = await h.api.post('/auth/register', { email, password: PASSWORD });
    expect(res.status).toBe(201);
    expect(res.body.data).toEqual({ id: expect.any(String), email, type: 'customer', emailVerified: false });
    const events = (await h.outbox('auth.account.registered')).filter((e) => e.subject === res.body.data.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ accountId: res.body.data.id, email, type: 'ACCOUNT_TYPE_CUSTOMER', verificationToken: expect.any(String) });
  });

  it('answers 409 naming email when the address is taken in any letter case', async () => {
    const { email } = await registeredCustomer(h);
    const res = await h.api.post('/auth/register', { email: email.toUpperCase(), password: PASSWORD });
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'email' })]);
  });

  it('answers 400 naming the field for a bad email, a short password and unknown fields', async () => {
    expect((await h.api.post('/auth/register', { email: 'nope', password: PASSWORD })).body.error.details[0].field).toBe('email');
    const short = await h.api.post('/auth/register', { email: anEmail(), password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].field).toBe('password');
    const unknown = await h.api.post('/auth/register', { email: anEmail(), password: PASSWORD, admin: true });
    expect(unknown.body.error.details).toEqual([{ field: 'admin', message: 'unknown field' }]);
  });

  it('logs in with an access token carrying sub, roles, type, jti and iss', async () => {
    const { id, tokens } = await registeredCustomer(h);
    const claims = await introspect(tokens.accessToken);
    expect(claims).toMatchObject({ active: true, sub: id, roles: ['customer'], type: 'customer', jti: expect.any(String) });
    const me = await h.api.get('/auth/me', tokens.accessToken);
    expect(me.body.data).toMatchObject({ id, type: 'customer', mfaEnabled: false });
  });

  it('rotates the refresh token on each use, and reuse of a rotated token revokes the whole family', async () => {
    const { tokens } = await registeredCustomer(h);
    const first = await h.api.post('/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.data.refreshToken).not.toBe(tokens.refreshToken);
    const second = await h.api.post('/auth/refresh', { refreshToken: first.body.data.refreshToken });
    expect(second.status).toBe(200);

    const replay = await h.api.post('/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(replay.status).toBe(401);
    // The thief's replay also ends the legitimate holder's session: newest refresh token and access token.
    expect((await h.api.post('/auth/refresh', { refreshToken: second.body.data.refreshToken })).status).toBe(401);
    expect((await introspect(second.body.data.accessToken)).active).toBe(false);
  });

  it('lets only one of several concurrent refreshes with the same token win, and mints a single new refresh token', async () => {
    const { id, tokens } = await registeredCustomer(h);
    const results = await refreshAtOnce(tokens.refreshToken, 4);
    expect(results.map((r) => r.status).sort()).toEqual([200, 401, 401, 401]);
    // The login's token, now rotated, and the winner's: the losers minted nothing.
    const family = await refreshTokenRows(id);
    expect(family).toHaveLength(2);
    expect(family.filter((t) => t.rotated_at !== null)).toHaveLength(1);
  });

  it('treats the losers of a concurrent refresh as reuse: the whole family ends, the winner\'s new tokens included', async () => {
    const { id, tokens } = await registeredCustomer(h);
    const results = await refreshAtOnce(tokens.refreshToken, 4);
    const winners = results.filter((r) => r.status === 200);
    expect(winners).toHaveLength(1);
    expect((await refreshTokenRows(id)).filter((t) => t.revoked_at === null)).toEqual([]);
    expect((await h.api.post('/auth/refresh', { refreshToken: winners[0]!.body.data.refreshToken })).status).toBe(401);
    expect((await introspect(winners[0]!.body.data.accessToken)).active).toBe(false);
  });

  it('logout revokes the access token jti and the refresh family', async () => {
    const { tokens } = await registeredCustomer(h);
    expect((await h.api.post('/auth/logout', {}, tokens.accessToken)).status).toBe(204);
    expect(await introspect(tokens.accessToken)).toEqual({ active: false });
    expect((await h.api.post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await h.api.get('/auth/me', tokens.accessToken)).status).toBe(401);
  });

  it('logout of one session leaves the other sessions of the account alive', async () => {
    const { email, tokens } = await registeredCustomer(h);
    const other = (await h.api.post('/auth/login', { email, password: PASSWORD })).body.data;
    await h.api.post('/auth/logout', {}, tokens.accessToken);
    expect((await introspect(other.accessToken)).active).toBe(true);
    expect((await h.api.post('/auth/refresh', { refreshToken: other.refreshToken })).status).toBe(200);
  });

  it('refuses an unknown refresh token and answers 400 for a missing one', async () => {
    expect((await h.api.post('/auth/refresh', { refreshToken: 'not-a-token' })).status).toBe(401);
    const missing = await h.api.post('/auth/refresh', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.details[0].field).toBe('refreshToken');
  });
});

describe('API description', () => {
  it('serves an OpenAPI fragment covering the auth routes for the gateway', async () => {
    const res = await fetch(`${h.url}/openapi.json`);
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/mfa/confirm']));
  });
});
