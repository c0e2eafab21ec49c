// The Stripe adapter's requests against stripe-mock, which validates each one against Stripe's API spec (it is
// stateless: fixtures answer, so outcomes are not meaningful, only that every request was accepted). Runs only
// when STRIPE_MOCK_URL is set (see stripe-mock.ts for the install and start commands).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProviderRefusedError, type CallOptions } from '../src/biz/provider.js';
import { StripePaymentProvider } from '../src/providers/stripe/stripe-payment-provider.js';
import { authorizeRequest, startHarness, type Harness } from './harness.js';
import { STRIPE_MOCK_URL, waitForStripeMock } from './stripe-mock.js';

const call = (): CallOptions => ({ idempotencyKey: randomUUID(), signal: new AbortController().signal });

describe.skipIf(!STRIPE_MOCK_URL)('Stripe adapter against stripe-mock (skipped: STRIPE_MOCK_URL is not set, no stripe-mock running)', () => {
  let stripe: StripePaymentProvider;
  let h: Harness;
  beforeAll(async () => {
    await waitForStripeMock(STRIPE_MOCK_URL!);
    stripe = new StripePaymentProvider({ secretKey: 'sk_test_123', webhookSecret: 'whsec_stripe_mock', toleranceSeconds: 300, timeoutMs: 10_000, apiUrl: STRIPE_MOCK_URL! });
    h = await startHarness({ env: { STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: 'whsec_stripe_mock', STRIPE_API_URL: STRIPE_MOCK_URL! } });
  });
  afterAll(() => h?.close());

  it('creates a confirmed manual-capture PaymentIntent with the idempotency key', async () => {
    const result = await stripe.authorize({ paymentId: randomUUID(), orderId: 'order-1', amountMinor: 1_099, currency: 'EUR', paymentMethod: 'pm_card_visa' }, call());

    expect(result.providerReference).toMatch(/^pi_/);
  });

  it('captures with amount_to_capture, cancels and refunds', async () => {
    await expect(stripe.capture('pi_stripe_mock', 500, call())).resolves.toMatchObject({ providerReference: expect.any(String) });
    await expect(stripe.void('pi_stripe_mock', call())).resolves.toMatchObject({ providerReference: expect.stringMatching(/^pi_/) });
    await expect(stripe.refund('pi_stripe_mock', 300, 'customer returned the goods', call())).resolves.toMatchObject({ providerReference: expect.stringMatching(/^re_/) });
  });

  it('surfaces a request Stripe refuses as ProviderRefusedError (the mock does validate)', async () => {
    await expect(stripe.capture('pi_stripe_mock', 1.5, call())).rejects.toBeInstanceOf(ProviderRefusedError);
  });

  it('authorizes through the service with provider "stripe": the call is accepted and recorded', async () => {
    const payment = await h.authorize(authorizeRequest({ provider: 'stripe', paymentMethod: 'pm_card_visa' }));

    expect(payment.provider).toBe('stripe');
    expect(payment.providerReference).toMatch(/^pi_/);
    expect(payment.transactions).toEqual([expect.objectContaining({ kind: 'authorize', outcome: expect.not.stringMatching(/^error$/) })]);
  });
});
