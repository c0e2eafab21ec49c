// Stripe webhooks on the service's real HTTP port, verified by stripe.webhooks.constructEvent (no Stripe API call
// is made, so this runs without stripe-mock): a valid signature is accepted, a forged or stale one is a 401.
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stripeEventOf } from '../src/providers/stripe/stripe-events.js';
import { startHarness, type Harness } from './harness.js';

const SECRET = 'whsec_payment_tests';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ env: { STRIPE_SECRET_KEY: 'sk_test_123', STRIPE_WEBHOOK_SECRET: SECRET, STRIPE_API_URL: 'http://127.0.0.1:9' } });
});
afterAll(() => h?.close());

const event = (type: string, object: Record<string, unknown>) => ({ id: `evt_${Math.random().toString(36).slice(2)}`, object: 'event', type, created: 1, data: { object } });

async function post(payload: string, signature: string) {
  return fetch(`${h.service.urls.http}/api/v1/payments/webhooks/stripe`, { method: 'POST', headers: { 'content-type': 'application/json', 'stripe-signature': signature }, body: payload });
}

describe('Stripe webhooks', () => {
  it('accepts a correctly signed event (about no payment of ours: received, nothing applied)', async () => {
    const payload = JSON.stringify(event('payment_intent.succeeded', { id: 'pi_unknown', object: 'payment_intent', amount_received: 100, metadata: {} }));

    const response = await post(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET }));

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ success: true, data: { received: true, applied: false } });
  });

  it('refuses a forged signature and a stale timestamp with 401', async () => {
    const payload = JSON.stringify(event('payment_intent.canceled', { id: 'pi_unknown', object: 'payment_intent', metadata: {} }));

    expect((await post(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_someone_else' }))).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 301;
    expect((await post(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET, timestamp: stale }))).status).toBe(401);
    expect((await post(payload, '')).status).toBe(401);
  });

  it('reads Stripe events as running totals and our payment id from the metadata', () => {
    const intent = { id: 'pi_1', object: 'payment_intent', amount_received: 700, metadata: { payment_id: 'p-1' } };
    expect(stripeEventOf(event('payment_intent.succeeded', intent) as unknown as Stripe.Event)).toMatchObject({ kind: 'captured', providerReference: 'pi_1', paymentId: 'p-1', capturedTotalMinor: 700 });
    expect(stripeEventOf(event('payment_intent.amount_capturable_updated', intent) as unknown as Stripe.Event)).toMatchObject({ kind: 'authorized' });
    const charge = { id: 'ch_1', object: 'charge', payment_intent: 'pi_1', amount_refunded: 250, metadata: {} };
    expect(stripeEventOf(event('charge.refunded', charge) as unknown as Stripe.Event)).toMatchObject({ kind: 'refunded', providerReference: 'pi_1', refundedTotalMinor: 250 });
    expect(stripeEventOf(event('customer.created', { id: 'cus_1' }) as unknown as Stripe.Event)).toMatchObject({ kind: 'ignored' });
  });
});
