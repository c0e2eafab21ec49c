// Concurrency through the real gRPC API against real PostgreSQL: reservations never overdraw an account, one
// reference makes one redemption, a reserve racing the release of its reference leaves nothing reserved, and mixed
// concurrent changes keep balance = ledger = lots.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, grpcCode, ledgerInvariantViolations, startHarness, type Harness } from './harness.js';
import { redemptionCalls } from './redemption-calls.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { credit, debit, reserve, commit, release, balanceOf } = redemptionCalls(() => h);

describe('ReserveRedemption under concurrency', () => {
  it('lets exactly 5 of 20 concurrent redemptions through a balance that covers 5, and never goes negative', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 500);

    const results = await Promise.allSettled(Array.from({ length: 20 }, () => reserve(id, 100)));

    const succeeded = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(succeeded).toHaveLength(5);
    expect(failed.map((r) => grpcCode(r.reason))).toEqual(Array(15).fill('FAILED_PRECONDITION'));
    expect(await balanceOf(id)).toBe(0);
    const negative = await h.db('ledger_entries').where({ customer_id: id }).where('balance_after', '<', 0).count<{ n: number }[]>({ n: '*' });
    expect(Number(negative[0]!.n)).toBe(0);
  });

  it('makes one redemption of 10 concurrent reservations with the same reference', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 1000);
    const reference = randomUUID();

    const answers = await Promise.all(Array.from({ length: 10 }, () => reserve(id, 300, reference)));

    expect(new Set(answers.map((a) => JSON.stringify(a.redemption)))).toHaveLength(1);
    expect(answers[0]!.redemption).toMatchObject({ reference, customerId: id, points: 300, amountMinor: 300, currency: 'EUR', status: 'reserved' });
    expect(await balanceOf(id)).toBe(700);
  });
});

describe('mixed concurrent changes of one account', () => {
  it('keeps balance = ledger = lots through concurrent credits, debits, reservations, commits and releases', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 1_000);
    const references = Array.from({ length: 12 }, () => randomUUID());

    await Promise.allSettled([
      ...references.map((reference) => reserve(id, 150, reference)),
      ...Array.from({ length: 6 }, () => credit(id, 50)),
      ...Array.from({ length: 6 }, () => debit(id, 40)),
    ]);
    await Promise.allSettled(references.map((reference, i) => (i % 2 === 0 ? commit(reference) : release(reference))));

    expect(await ledgerInvariantViolations(h.db)).toEqual([]);
    const committed = await h.db('redemptions').where({ customer_id: id, status: 'committed' }).sum<{ points: number }[]>({ points: 'points' });
    const debited = await h.db('ledger_entries').where({ customer_id: id, kind: 'adjust' }).where('points', '<', 0).sum<{ points: number }[]>({ points: 'points' });
    expect(await balanceOf(id)).toBe(1_000 + 6 * 50 - Number(committed[0]!.points ?? 0) + Number(debited[0]!.points ?? 0));
  });
});

describe('a reserve racing the release of its reference', () => {
  it('leaves nothing reserved when a reserve and the release of its reference race', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 1000);
    const references = Array.from({ length: 10 }, () => randomUUID());

    await Promise.allSettled(references.flatMap((reference) => [reserve(id, 100, reference), release(reference)]));

    const statuses = await h.db('redemptions').whereIn('reference', references).pluck('status');
    expect(statuses).toEqual(Array(10).fill('released'));
    expect(await balanceOf(id)).toBe(1000);
  });
});

describe('the ledger', () => {
  // Last in the file: after the concurrent tests above.
  it('sums to every balance, and to what the lots still hold', async () => {
    expect(await ledgerInvariantViolations(h.db)).toEqual([]);
  });
});
