import { describe, expect, it } from 'vitest';
import { timeStep, totpCode } from '../src/crypto/totp.js';
import { PASSWORD, registeredCustomer, useAuthHarness, type AuthHarness } from './auth-harness.js';

const h = useAuthHarness({ LOCKOUT_THRESHOLD: '3' });

/** Code for the current step plus `ahead`: each accepted step is used up, so a later use needs the next one. */
const codeFor = (secret: string, ahead = 0) => totpCode(secret, timeStep(new Date()) + ahead);

async function enrolled(harness: AuthHarness) {
  const customer = await registeredCustomer(harness);
  const enrol = await harness.api.post('/auth/mfa/enroll', {}, customer.tokens.accessToken);
  const secret = enrol.body.data.secret as string;
  const confirm = await harness.api.post('/auth/mfa/confirm', { code: codeFor(secret) }, customer.tokens.accessToken);
  return { ...customer, secret, recoveryCodes: confirm.body.data.recoveryCodes as string[] };
}

async function challenge(email: string): Promise<string> {
  const res = await h.api.post('/auth/login', { email, password: PASSWORD });
  expect(res.body.data).toMatchObject({ mfaRequired: true, challengeToken: expect.any(String) });
  expect(res.body.data.accessToken).toBeUndefined();
  return res.body.data.challengeToken;
}

describe('MFA', () => {
  it('enrols with an otpauth URI, confirms with a first code and returns ten recovery codes', async () => {
    const { tokens } = await registeredCustomer(h);
    const enrol = await h.api.post('/auth/mfa/enroll', {}, tokens.accessToken);
    expect(enrol.status).toBe(200);
    expect(enrol.body.data.otpauthUri).toMatch(/^otpauth:\/\/totp\/.+secret=[A-Z2-7]+/);
    const bad = await h.api.post('/auth/mfa/confirm', { code: '000000' === codeFor(enrol.body.data.secret) ? '111111' : '000000' }, tokens.accessToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].field).toBe('code');
    const confirm = await h.api.post('/auth/mfa/confirm', { code: codeFor(enrol.body.data.secret) }, tokens.accessToken);
    expect(confirm.status).toBe(200);
    expect(confirm.body.data.recoveryCodes).toHaveLength(10);
    expect((await h.api.get('/auth/me', tokens.accessToken)).body.data.mfaEnabled).toBe(true);
  });

  it('does not require a code at login until the enrolment is confirmed', async () => {
    const { email, tokens } = await registeredCustomer(h);
    await h.api.post('/auth/mfa/enroll', {}, tokens.accessToken);
    const res = await h.api.post('/auth/login', { email, password: PASSWORD });
    expect(res.body.data).toMatchObject({ mfaRequired: false, accessToken: expect.any(String) });
  });

  it('requires the code at login once enabled and issues tokens after the second step', async () => {
    const { email, secret } = await enrolled(h);
    const res = await h.api.post('/auth/login/mfa', { challengeToken: await challenge(email), code: codeFor(secret, 1) });
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ accessToken: expect.any(String), refreshToken: expect.any(String) });
  });

  it('refuses a code that was already used, and the challenge is then spent', async () => {
    const { email, secret } = await enrolled(h);
    const code = codeFor(secret, 1);
    expect((await h.api.post('/auth/login/mfa', { challengeToken: await challenge(email), code })).status).toBe(200);
    const token = await challenge(email);
    expect((await h.api.post('/auth/login/mfa', { challengeToken: token, code })).status).toBe(401);
    expect((await h.api.post('/auth/login/mfa', { challengeToken: token, code: codeFor(secret, 1) })).status).toBe(401);
  });

  it('accepts each recovery code once', async () => {
    const { email, recoveryCodes } = await enrolled(h);
    const code = recoveryCodes[0]!;
    expect((await h.api.post('/auth/login/mfa', { challengeToken: await challenge(email), recoveryCode: code.toUpperCase() })).status).toBe(200);
    expect((await h.api.post('/auth/login/mfa', { challengeToken: await challenge(email), recoveryCode: code })).status).toBe(401);
  });

  it('counts wrong codes towards the lockout', async () => {
    const { id, email } = await enrolled(h);
    for (let i = 0; i < 3; i++) await h.api.post('/auth/login/mfa', { challengeToken: await challenge(email), code: '000001' });
    expect((await h.api.post('/auth/login', { email, password: PASSWORD })).status).toBe(401);
    expect((await h.outbox('auth.account.locked')).some((e) => e.subject === id)).toBe(true);
  });

  it('answers 400 for a second step with both or neither of code and recoveryCode', async () => {
    expect((await h.api.post('/auth/login/mfa', { challengeToken: 'x' })).status).toBe(400);
    expect((await h.api.post('/auth/login/mfa', { challengeToken: 'x', code: '123456', recoveryCode: 'abc' })).status).toBe(400);
  });

  it('disables with password and a current code; login is then one step again', async () => {
    const { email, secret, tokens } = await enrolled(h);
    const wrong = await h.api.post('/auth/mfa/disable', { password: 'not the password', code: codeFor(secret, 1) }, tokens.accessToken);
    expect(wrong.status).toBe(400);
    expect((await h.api.post('/auth/mfa/disable', { password: PASSWORD, code: codeFor(secret, 1) }, tokens.accessToken)).status).toBe(204);
    expect((await h.api.post('/auth/login', { email, password: PASSWORD })).body.data.mfaRequired).toBe(false);
  });

  it('refuses a second enrolment while MFA is enabled', async () => {
    const { tokens } = await enrolled(h);
    expect((await h.api.post('/auth/mfa/enroll', {}, tokens.accessToken)).status).toBe(422);
  });

  it('disables with a recovery code when the authenticator is lost', async () => {
    const { email, recoveryCodes, tokens } = await enrolled(h);
    expect((await h.api.post('/auth/mfa/disable', { password: PASSWORD, recoveryCode: recoveryCodes[3] }, tokens.accessToken)).status).toBe(204);
    expect((await h.api.post('/auth/login', { email, password: PASSWORD })).body.data.mfaRequired).toBe(false);
  });
});
