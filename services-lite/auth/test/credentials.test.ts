import { describe, expect, it } from 'vitest';
import { anEmail, PASSWORD, registeredCustomer, useAuthHarness } from './auth-harness.js';
import { latestResetToken } from './reset-token.js';

const h = useAuthHarness({ LOCKOUT_THRESHOLD: '3' });

const login = (email: string, password: string) => h.api.post('/auth/login', { email, password });

const resetTokenFor = (accountId: string) => latestResetToken(h, accountId);

describe('no user enumeration', () => {
  it('answers an unknown email and a wrong password with the same 401 body', async () => {
    const { email } = await registeredCustomer(h);
    const unknown = await login(anEmail(), PASSWORD);
    const wrong = await login(email, 'wrong password!');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('answers a reset request for an unknown email exactly as for a known one, and publishes only for the known', async () => {
    const { id, email } = await registeredCustomer(h);
    const known = await h.api.post('/auth/password/reset', { email });
    const unknown = await h.api.post('/auth/password/reset', { email: anEmail() });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(unknown.body).toEqual(known.body);
    expect((await h.outbox('auth.account.password_reset_requested')).filter((e) => e.subject === id)).toHaveLength(1);
  });
});

describe('lockout', () => {
  it('locks the account after the threshold of failures, refuses even the right password, and publishes auth.account.locked', async () => {
    const { id, email } = await registeredCustomer(h);
    for (let i = 0; i < 3; i++) expect((await login(email, 'wrong password!')).status).toBe(401);
    const locked = await login(email, PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.body).toEqual((await login(anEmail(), PASSWORD)).body);
    const events = (await h.outbox('auth.account.locked')).filter((e) => e.subject === id);
    expect(events).toEqual([expect.objectContaining({ data: expect.objectContaining({ accountId: id, failedAttempts: 3 }) })]);
  });

  it('unlocks when the lock period is over', async () => {
    const { id, email } = await registeredCustomer(h);
    for (let i = 0; i < 3; i++) await login(email, 'wrong password!');
    await h.db('accounts').where({ id }).update({ locked_until: new Date(Date.now() - 1000) });
    expect((await login(email, PASSWORD)).status).toBe(200);
  });

  it('a successful login resets the failure count', async () => {
    const { email } = await registeredCustomer(h);
    await login(email, 'wrong password!');
    await login(email, 'wrong password!');
    expect((await login(email, PASSWORD)).status).toBe(200);
    await login(email, 'wrong password!');
    await login(email, 'wrong password!');
    expect((await login(email, PASSWORD)).status).toBe(200);
  });
});

describe('password reset', () => {
  it('sets a new password with the token once; the token then fails, old sessions end and the old password fails', async () => {
    const { id, email, tokens } = await registeredCustomer(h);
    await h.api.post('/auth/password/reset', { email });
    const token = await resetTokenFor(id);

    expect((await h.api.post('/auth/password/reset/confirm', { token, password: 'a brand new secret' })).status).toBe(204);
    const again = await h.api.post('/auth/password/reset/confirm', { token, password: 'another new secret' });
    expect(again.status).toBe(400);
    expect(again.body.error.details[0].field).toBe('token');

    expect((await login(email, PASSWORD)).status).toBe(401);
    expect((await login(email, 'a brand new secret')).status).toBe(200);
    expect((await h.api.post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await h.api.post('/auth/introspect', { token: tokens.accessToken })).body.data.active).toBe(false);
  });

  it('refuses an expired reset token', async () => {
    const { id, email } = await registeredCustomer(h);
    await h.api.post('/auth/password/reset', { email });
    const token = await resetTokenFor(id);
    await h.db('one_time_tokens').where({ account_id: id, purpose: 'password_reset' }).update({ expires_at: new Date(Date.now() - 1000) });
    expect((await h.api.post('/auth/password/reset/confirm', { token, password: 'a brand new secret' })).status).toBe(400);
  });

  it('a newer reset request makes the earlier token stop working', async () => {
    const { id, email } = await registeredCustomer(h);
    await h.api.post('/auth/password/reset', { email });
    const first = await resetTokenFor(id);
    await h.api.post('/auth/password/reset', { email });
    expect((await h.api.post('/auth/password/reset/confirm', { token: first, password: 'a brand new secret' })).status).toBe(400);
    expect((await h.api.post('/auth/password/reset/confirm', { token: await resetTokenFor(id), password: 'a brand new secret' })).status).toBe(204);
  });

  it('a reset lifts a lockout', async () => {
    const { id, email } = await registeredCustomer(h);
    for (let i = 0; i < 3; i++) await login(email, 'wrong password!');
    await h.api.post('/auth/password/reset', { email });
    await h.api.post('/auth/password/reset/confirm', { token: await resetTokenFor(id), password: 'a brand new secret' });
    expect((await login(email, 'a brand new secret')).status).toBe(200);
  });
});

describe('password change and email verification', () => {
  it('changes the password with the current one and ends every session', async () => {
    const { email, tokens } = await registeredCustomer(h);
    const wrong = await h.api.post('/auth/password/change', { currentPassword: 'not it at all', newPassword: 'a brand new secret' }, tokens.accessToken);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.details[0].field).toBe('currentPassword');
    const res = await h.api.post('/auth/password/change', { currentPassword: PASSWORD, newPassword: 'a brand new secret' }, tokens.accessToken);
    expect(res.status).toBe(204);
    expect((await h.api.post('/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);
    expect((await login(email, 'a brand new secret')).status).toBe(200);
  });

  it('requires a valid access token to change the password', async () => {
    expect((await h.api.post('/auth/password/change', { currentPassword: PASSWORD, newPassword: 'a brand new secret' })).status).toBe(401);
  });

  it('verifies the email with the token from the registered event, once', async () => {
    const { id, tokens } = await registeredCustomer(h);
    const [event] = (await h.outbox('auth.account.registered')).filter((e) => e.subject === id);
    expect((await h.api.post('/auth/email/verify', { token: event!.data.verificationToken })).status).toBe(204);
    expect((await h.api.get('/auth/me', tokens.accessToken)).body.data.emailVerified).toBe(true);
    expect((await h.api.post('/auth/email/verify', { token: event!.data.verificationToken })).status).toBe(400);
  });

  it('mails a new verification token on request; the earlier one stops working', async () => {
    const { id, tokens } = await registeredCustomer(h);
    const [registered] = (await h.outbox('auth.account.registered')).filter((e) => e.subject === id);
    expect((await h.api.post('/auth/email/verify/resend', {}, tokens.accessToken)).status).toBe(204);
    const [resent] = (await h.outbox('auth.account.verification_requested')).filter((e) => e.subject === id);
    expect((await h.api.post('/auth/email/verify', { token: registered!.data.verificationToken })).status).toBe(400);
    expect((await h.api.post('/auth/email/verify', { token: resent!.data.verificationToken })).status).toBe(204);
    expect((await h.api.post('/auth/email/verify/resend', {}, tokens.accessToken)).status).toBe(422);
  });
});
