// A lock (too many failed logins: someone is guessing the password) ends the account's sessions at once: its
// refresh tokens are refused, and its access tokens are inactive at /introspect and refused by auth's own routes.
import { describe, expect, it } from 'vitest';
import { registeredCustomer, useAuthHarness } from './auth-harness.js';

const h = useAuthHarness({ LOCKOUT_THRESHOLD: '3' });

describe('lockout', () => {
  it('revokes every session of the account it locks', async () => {
    const { email, tokens } = await registeredCustomer(h);
    const second = (await registeredCustomerSession(email)).tokens; // a session on another device
    expect((await h.api.post('/auth/introspect', { token: tokens.accessToken })).body.data.active).toBe(true);

    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await h.api.post('/auth/login', { email, password: 'a wrong guess!' })).status).toBe(401);
    }

    for (const session of [tokens, second]) {
      expect((await h.api.post('/auth/refresh', { refreshToken: session.refreshToken })).status).toBe(401);
      expect((await h.api.post('/auth/introspect', { token: session.accessToken })).body.data).toEqual({ active: false });
      expect((await h.api.get('/auth/me', session.accessToken)).status).toBe(401);
    }
  });

  it('leaves the sessions of other accounts alone', async () => {
    const victim = await registeredCustomer(h);
    const bystander = await registeredCustomer(h);
    for (let attempt = 0; attempt < 3; attempt += 1) await h.api.post('/auth/login', { email: victim.email, password: 'a wrong guess!' });
    expect((await h.api.post('/auth/refresh', { refreshToken: bystander.tokens.refreshToken })).status).toBe(200);
  });
});

async function registeredCustomerSession(email: string) {
  const login = await h.api.post('/auth/login', { email, password: 'correct horse battery' });
  return { tokens: login.body.data as { accessToken: string; refreshToken: string } };
}
