// AuthorizePayment through the real gRPC API: every test card gives its documented outcome, the outcome is
// announced through the outbox, bad input names the field and writes nothing, and only staff may call.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest, countRows, outboxTypes, rejectionOf, startHarness, TEST_CARD, type Harness } from './harness.js';
import { unaryCall } from '@ecommerce/common/grpc';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('AuthorizePayment with the test cards', () => {
  it('authorizes 4242 4242 4242 4242 and records the call and payment.payment.authorized', async () => {
    const payment = await h.authorize({ amountMinor: 12_345, currency: 'USD' });

    expect(payment).toMatchObject({ status: 'authorized', amountMinor: 12_345, authorizedMinor: 12_345, capturedMinor: 0, currency: 'USD', provider: 'test', failureCode: '' });
    expect(payment.providerReference).toMatch(/^tp_pi_/);
    expect(payment.transactions).toEqual([expect.objectContaining({ kind: 'authorize', amountMinor: 12_345, outcome: 'succeeded', source: 'api', providerReference: payment.providerReference })]);
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized']);
  });

  it.each([
    ['declined', TEST_CARD.declined, 'card_declined'],
    ['insufficient funds', TEST_CARD.insufficientFunds, 'insufficient_funds'],
  ])('answers a %s card as a failed payment with its failure code, not as an error', async (_name, card, code) => {
    const request = authorizeRequest({ paymentMethod: card });
    const payment = await h.authorize(request);

    expect(payment).toMatchObject({ status: 'failed', failureCode: code, authorizedMinor: 0 });
    expect(payment.transactions).toEqual([expect.objectContaining({ kind: 'authorize', outcome: 'failed', failureCode: code })]);
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.failed']);
    expect(await h.authorize(request)).toEqual(payment);
  });

  it('asks for 3-D Secure with 4000 0000 0000 3220, then authorizes when the customer completes it (reported by webhook)', async () => {
    const payment = await h.authorize({ paymentMethod: TEST_CARD.threeDSecure });
    expect(payment).toMatchObject({ status: 'requires_action', nextActionUrl: expect.stringContaining(payment.providerReference) });

    h.provider.completeAction(payment.providerReference, 'succeed');
    for (const event of h.provider.webhooks.takeQueued()) expect(await h.provider.webhooks.deliver(event)).toBe(200);

    expect(await h.get(payment.id)).toMatchObject({ status: 'authorized', authorizedMinor: payment.amountMinor, nextActionUrl: '' });
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized']);
  });

  it('fails a 3-D Secure payment whose customer fails the check on the simulated page (next_action_url)', async () => {
    const payment = await h.authorize({ paymentMethod: TEST_CARD.threeDSecure });

    const page = await fetch(`${payment.nextActionUrl}?outcome=fail`, { method: 'POST' });
    expect(page.status).toBe(200);
    for (const event of h.provider.webhooks.takeQueued()) expect(await h.provider.webhooks.deliver(event)).toBe(200);

    expect(await h.get(payment.id)).toMatchObject({ status: 'failed', failureCode: 'authentication_failed', nextActionUrl: '' });
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.failed']);
  });

  it('fails the payment with provider_timeout when 4000 0000 0000 0119 never answers', async () => {
    const payment = await h.authorize({ paymentMethod: TEST_CARD.timesOut });

    expect(payment).toMatchObject({ status: 'failed', failureCode: 'provider_timeout' });
    expect(payment.transactions).toEqual([expect.objectContaining({ kind: 'authorize', outcome: 'error', failureCode: 'provider_timeout' })]);
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.failed']);
  });
});

describe('AuthorizePayment input', () => {
  it.each([
    ['amount_minor', { amountMinor: -5 }],
    ['amount_minor', { amountMinor: 0 }],
    ['currency', { currency: 'XYZ' }],
    ['currency', { currency: 'eur' }],
    ['order_id', { orderId: '' }],
    ['idempotency_key', { idempotencyKey: '' }],
    ['provider', { provider: 'paypal' }],
    ['payment_method', { paymentMethod: '4111111111111111' }],
  ])('answers INVALID_ARGUMENT naming %s and writes nothing', async (field, overrides) => {
    const request = authorizeRequest(overrides);
    const err = await rejectionOf(h.authorize(request));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
    expect(await countRows(h.db, 'payments', { order_id: request.orderId })).toBe(0);
  });

  it('refuses the same idempotency key with another amount (FAILED_PRECONDITION) and keeps the first payment', async () => {
    const request = authorizeRequest();
    const first = await h.authorize(request);

    const err = await rejectionOf(h.authorize({ ...request, amountMinor: request.amountMinor + 1 }));

    expect(err.type).toBe('failed_precondition');
    expect(err.details).toEqual([expect.objectContaining({ field: 'idempotency_key' })]);
    expect(await h.get(first.id)).toMatchObject({ amountMinor: request.amountMinor, status: 'authorized' });
  });

  it('refuses a caller without a token, and a customer', async () => {
    const call = (token?: string) => unaryCall(h.client.authorizePayment.bind(h.client), authorizeRequest(), token ? { token } : {});
    expect((await rejectionOf(call())).type).toBe('unauthenticated');
    expect((await rejectionOf(call(h.tokens.customer))).type).toBe('permission_denied');
  });

  it('lists an order\'s payments and answers NOT_FOUND for an unknown id', async () => {
    const request = authorizeRequest({ paymentMethod: TEST_CARD.declined });
    const failed = await h.authorize(request);
    const retried = await h.authorize({ ...request, paymentMethod: TEST_CARD.succeeds, idempotencyKey: `${request.idempotencyKey}-2` });

    const { payments } = await unaryCall(h.client.listPayments.bind(h.client), { orderId: request.orderId }, { token: h.tokens.staff });

    expect(payments.map((p) => [p.id, p.status])).toEqual([
      [failed.id, 'failed'],
      [retried.id, 'authorized'],
    ]);
    expect((await rejectionOf(h.get('00000000-0000-4000-8000-000000000000'))).type).toBe('not_found');
  });
});
