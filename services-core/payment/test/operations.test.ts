// Capture, void and refund through the real gRPC API: the state machine allows only legal moves (refused with
// FAILED_PRECONDITION otherwise, with nothing changed), and each move is recorded and announced once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outboxTypes, rejectionOf, startHarness, TEST_CARD, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('capture', () => {
  it('captures part, then the rest (0 = everything still authorized)', async () => {
    const payment = await h.authorize({ amountMinor: 5_000 });

    expect(await h.capture(payment.id, 2_000)).toMatchObject({ status: 'partially_captured', capturedMinor: 2_000 });
    const captured = await h.capture(payment.id, 0);

    expect(captured).toMatchObject({ status: 'captured', capturedMinor: 5_000 });
    expect(captured.transactions.map((t) => [t.kind, t.amountMinor, t.outcome])).toEqual([
      ['authorize', 5_000, 'succeeded'],
      ['capture', 2_000, 'succeeded'],
      ['capture', 3_000, 'succeeded'],
    ]);
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized', 'payment.payment.captured', 'payment.payment.captured']);
  });

  it('refuses a capture above the authorized amount (FAILED_PRECONDITION naming amount_minor)', async () => {
    const payment = await h.authorize({ amountMinor: 5_000 });

    const err = await rejectionOf(h.capture(payment.id, 5_001));

    expect(err.type).toBe('failed_precondition');
    expect(err.details).toEqual([expect.objectContaining({ field: 'amount_minor' })]);
    expect(await h.get(payment.id)).toMatchObject({ status: 'authorized', capturedMinor: 0 });
  });

  it('refuses a capture after a void', async () => {
    const payment = await h.authorize();
    expect(await h.voidPayment(payment.id)).toMatchObject({ status: 'canceled' });

    const err = await rejectionOf(h.capture(payment.id, 0));

    expect(err.type).toBe('failed_precondition');
    expect(await h.get(payment.id)).toMatchObject({ status: 'canceled', capturedMinor: 0 });
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized', 'payment.payment.canceled']);
  });

  it('refuses a capture of a failed payment, and answers NOT_FOUND for an unknown one', async () => {
    const failed = await h.authorize({ paymentMethod: TEST_CARD.declined });

    expect((await rejectionOf(h.capture(failed.id, 0))).type).toBe('failed_precondition');
    expect((await rejectionOf(h.capture('00000000-0000-4000-8000-000000000000', 0))).type).toBe('not_found');
    expect((await rejectionOf(h.capture('not-a-uuid', 0))).details).toEqual([expect.objectContaining({ field: 'payment_id' })]);
    expect((await rejectionOf(h.capture(failed.id, -1))).details).toEqual([expect.objectContaining({ field: 'amount_minor' })]);
  });
});

describe('void', () => {
  it('answers a failed or already canceled payment as it is, so a saga may always compensate', async () => {
    const failed = await h.authorize({ paymentMethod: TEST_CARD.declined });
    const canceled = await h.voidPayment((await h.authorize()).id);

    expect(await h.voidPayment(failed.id)).toMatchObject({ status: 'failed' });
    expect(await h.voidPayment(canceled.id)).toEqual(canceled);
    expect(await outboxTypes(h.db, canceled.id)).toEqual(['payment.payment.authorized', 'payment.payment.canceled']);
  });

  it('refuses to void a captured payment', async () => {
    const payment = await h.authorize();
    await h.capture(payment.id, 0);

    expect((await rejectionOf(h.voidPayment(payment.id))).type).toBe('failed_precondition');
  });
});

describe('refund', () => {
  it('refunds several times up to the captured amount, then refuses more', async () => {
    const payment = await h.authorize({ amountMinor: 3_000 });
    await h.capture(payment.id, 2_000);

    expect(await h.refund(payment.id, 500)).toMatchObject({ status: 'partially_refunded', refundedMinor: 500 });
    expect(await h.refund(payment.id, 1_500)).toMatchObject({ status: 'refunded', refundedMinor: 2_000 });
    const err = await rejectionOf(h.refund(payment.id, 1));

    expect(err.type).toBe('failed_precondition');
    expect(await outboxTypes(h.db, payment.id)).toEqual([
      'payment.payment.authorized',
      'payment.payment.captured',
      'payment.payment.refunded',
      'payment.payment.refunded',
    ]);
  });

  it('refuses a refund above the captured amount and of a payment not captured', async () => {
    const payment = await h.authorize({ amountMinor: 3_000 });
    expect((await rejectionOf(h.refund(payment.id, 100))).type).toBe('failed_precondition');
    await h.capture(payment.id, 1_000);

    const err = await rejectionOf(h.refund(payment.id, 1_001));

    expect(err.type).toBe('failed_precondition');
    expect(err.details).toEqual([expect.objectContaining({ field: 'amount_minor' })]);
    expect(await h.get(payment.id)).toMatchObject({ status: 'partially_captured', refundedMinor: 0 });
  });
});
