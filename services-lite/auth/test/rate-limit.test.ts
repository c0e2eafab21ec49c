import { describe, expect, it } from 'vitest';
import { anEmail, PASSWORD, registeredCustomer, useAuthHarness } from './auth-harness.js';

// TRUST_PROXY_HOPS=1 lets each test act as a different client IP through X-Forwarded-For, as behind the gateway.
const h = useAuthHarness({
  TRUST_PROXY_HOPS: '1',
  LOGIN_RATE_LIMIT_PER_IP: '5',
  LOGIN_RATE_LIMIT_PER_ACCOUNT: '3',
  RESET_RATE_LIMIT_PER_IP: '5',
  RESET_RATE_LIMIT_PER_ACCOUNT: '2',
  LOCKOUT_THRESHOLD: '100',
  RATE_LIMIT_WINDOW_SECONDS: '86400', // one window for the whole file: no boundary mid-test
});

const from = (ip: string) => ({ 'x-forwarded-for': ip });

describe('rate limits', () => {
  it('answers 429 with Retry-After once an account has had its login attempts, from any address', async () => {
    const { email } = await registeredCustomer(h); // one attempt, from 127.0.0.1
    await h.api.post('/auth/login', { email, password: 'wrong password!' }, undefined, from('10.0.0.1'));
    await h.api.post('/auth/login', { email, password: 'wrong password!' }, undefined, from('10.0.0.2'));
    const limited = await h.api.post('/auth/login', { email, password: PASSWORD }, undefined, from('10.0.0.3'));
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RESOURCE_EXHAUSTED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers 429 once one address has made its login attempts, whatever the accounts', async () => {
    for (let i = 0; i < 5; i++) expect((await h.api.post('/auth/login', { email: anEmail(), password: PASSWORD }, undefined, from('10.0.1.1'))).status).toBe(401);
    expect((await h.api.post('/auth/login', { email: anEmail(), password: PASSWORD }, undefined, from('10.0.1.1'))).status).toBe(429);
    expect((await h.api.post('/auth/login', { email: anEmail(), password: PASSWORD }, undefined, from('10.0.1.2'))).status).toBe(401);
  });

  it('limits reset requests per account the same way for known and unknown addresses', async () => {
    const { email } = await registeredCustomer(h);
    const unknown = anEmail();
    for (const address of [email, unknown]) {
      expect((await h.api.post('/auth/password/reset', { email: address }, undefined, from('10.0.2.1'))).status).toBe(200);
      expect((await h.api.post('/auth/password/reset', { email: address }, undefined, from('10.0.2.2'))).status).toBe(200);
      const limited = await h.api.post('/auth/password/reset', { email: address }, undefined, from('10.0.2.3'));
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).not.toBeNull();
    }
  });
});
