// Idempotency end to end, proven with many concurrent real gRPC calls: one idempotency key makes one authorization
// at the provider and one answer for everyone; concurrent captures never capture more than was authorized.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authorizeRequest, countRows, outboxTypes, rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

describe('idempotency', () => {
  it('answers 50 concurrent authorizations with one key identically, from one authorization at the provider', async () => {
    const request = authorizeRequest();
    const before = h.provider.authorizationCount;

    const answers = await Promise.all(Array.from({ length: 50 }, () => h.authorize(request)));

    expect(h.provider.authorizationCount - before).toBe(1);
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]).toMatchObject({ status: 'authorized', authorizedMinor: request.amountMinor });
    expect(await countRows(h.db, 'payments', { order_id: request.orderId })).toBe(1);
    expect(await countRows(h.db, 'payment_transactions', { payment_id: answers[0]!.id })).toBe(1);
    expect(await outboxTypes(h.db, answers[0]!.id)).toEqual(['payment.payment.authorized']);
  });

  it('replays a capture sent twice with one key and captures once', async () => {
    const payment = await h.authorize({ amountMinor: 1_000 });
    const key = randomUUID();

    const [first, second] = await Promise.all([h.capture(payment.id, 400, key), h.capture(payment.id, 400, key)]);

    expect(first).toEqual(second);
    expect(first).toMatchObject({ status: 'partially_captured', capturedMinor: 400 });
    expect(await outboxTypes(h.db, payment.id)).toEqual(['payment.payment.authorized', 'payment.payment.captured']);
  });

  it('never captures more than authorized under 20 concurrent captures with different keys', async () => {
    const payment = await h.authorize({ amountMinor: 1_000 });

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => h.capture(payment.id, 300)));

    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toHaveLength(3);
    expect(refused.every((r) => (r.reason as { type: string }).type === 'failed_precondition')).toBe(true);
    expect(await h.get(payment.id)).toMatchObject({ status: 'partially_captured', capturedMinor: 900 });
    expect(await countRows(h.db, 'payment_transactions', { payment_id: payment.id, kind: 'capture' })).toBe(3);
  });

  it('refuses a capture key reused for another amount', async () => {
    const payment = await h.authorize({ amountMinor: 1_000 });
    const key = randomUUID();
    await h.capture(payment.id, 100, key);

    const err = await rejectionOf(h.capture(payment.id, 200, key));

    expect(err.type).toBe('failed_precondition');
    expect(err.details).toEqual([expect.objectContaining({ field: 'idempotency_key' })]);
    expect(await h.get(payment.id)).toMatchObject({ capturedMinor: 100 });
  });
});
