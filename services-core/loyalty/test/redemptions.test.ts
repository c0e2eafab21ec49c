// Points as part payment at checkout through the real gRPC API: each step is idempotent by reference, the state
// machine refuses illegal moves, bad input names the field. (Concurrency: redemption-concurrency.test.ts.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, grpcCode, ledgerInvariantViolations, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';
import { redemptionCalls } from './redemption-calls.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const { staff, credit, reserve, commit, release, balanceOf } = redemptionCalls(() => h);

describe('the redemption state machine', () => {
  it('values points at the configured rate (100 points per currency unit), per currency', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 10_000);
    expect((await reserve(id, 250, randomUUID(), 'EUR')).redemption).toMatchObject({ amountMinor: 250, currency: 'EUR' });
    expect((await reserve(id, 250, randomUUID(), 'JPY')).redemption).toMatchObject({ amountMinor: 3, currency: 'JPY' }); // 2.5 yen, half away from zero
    expect((await reserve(id, 250, randomUUID(), 'KWD')).redemption).toMatchObject({ amountMinor: 2500, currency: 'KWD' });
  });

  it('commits a reservation once, however often it is asked, and keeps the points spent', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 400);
    const { redemption } = await reserve(id, 400);

    const first = await commit(redemption!.reference);
    const again = await commit(redemption!.reference);

    expect(first.redemption?.status).toBe('committed');
    expect(again.redemption).toEqual(first.redemption);
    expect(await balanceOf(id)).toBe(0);
    const outbox = await h.db('outbox_events').where({ event_type: 'loyalty.redemption.committed', event_key: redemption!.reference });
    expect(outbox).toHaveLength(1);
  });

  it('gives released points back to the lots they came from, once, keeping their expiry', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 300);
    const lotsBefore = await h.db('point_lots').where({ customer_id: id }).select('id', 'remaining', 'expires_at');
    const { redemption } = await reserve(id, 200);

    const released = await release(redemption!.reference);
    await release(redemption!.reference);

    expect(released.redemption?.status).toBe('released');
    expect(await balanceOf(id)).toBe(300);
    expect(await h.db('point_lots').where({ customer_id: id }).select('id', 'remaining', 'expires_at')).toEqual(lotsBefore);
    const kinds = await h.db('ledger_entries').where({ customer_id: id }).orderBy('id').pluck('kind');
    expect(kinds).toEqual(['adjust', 'redeem', 'reverse']);
  });

  it('answers released for a reference that never reserved anything, and then refuses to reserve under it', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 100);
    const reference = randomUUID();

    const { redemption } = await release(reference);
    const late = await rejectionOf(reserve(id, 100, reference));

    expect(redemption).toMatchObject({ reference, status: 'released', points: 0 });
    expect(grpcCode(late)).toBe('FAILED_PRECONDITION');
    expect(late.details[0]?.field).toBe('reference');
    expect(await balanceOf(id)).toBe(100);
    expect(grpcCode(await rejectionOf(commit(reference)))).toBe('FAILED_PRECONDITION');
  });
  it('refuses to release a committed redemption and to commit a released one (FAILED_PRECONDITION)', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 200);
    const committed = (await reserve(id, 100)).redemption!;
    await commit(committed.reference);
    const released = (await reserve(id, 100)).redemption!;
    await release(released.reference);

    expect(grpcCode(await rejectionOf(release(committed.reference)))).toBe('FAILED_PRECONDITION');
    expect(grpcCode(await rejectionOf(commit(released.reference)))).toBe('FAILED_PRECONDITION');
  });

  it('answers NOT_FOUND when committing an unknown reference', async () => {
    expect(grpcCode(await rejectionOf(commit(randomUUID())))).toBe('NOT_FOUND');
  });

  it('refuses a reservation the balance does not cover, naming points, and one for a customer without an account', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 50);
    const short = await rejectionOf(reserve(id, 51));
    expect(grpcCode(short)).toBe('FAILED_PRECONDITION');
    expect(short.details[0]?.field).toBe('points');
    expect(grpcCode(await rejectionOf(reserve((await aCustomer(h)).id, 1)))).toBe('FAILED_PRECONDITION');
  });

  it("refuses a reference that is another customer's redemption (ALREADY_EXISTS)", async () => {
    const a = await aCustomer(h);
    const b = await aCustomer(h);
    await credit(a.id, 100);
    await credit(b.id, 100);
    const reference = randomUUID();
    await reserve(a.id, 100, reference);
    const err = await rejectionOf(reserve(b.id, 100, reference));
    expect(grpcCode(err)).toBe('ALREADY_EXISTS');
    expect(err.details[0]?.field).toBe('reference');
  });
});

describe('bad input', () => {
  const cases: Array<[string, Record<string, unknown>, string]> = [
    ['negative points', { points: -5 }, 'points'],
    ['zero points', { points: 0 }, 'points'],
    ['points worth less than one minor unit', { points: 1, currency: 'JPY' }, 'points'],
    ['an unknown currency', { currency: 'XXX' }, 'currency'],
    ['a lower-case currency', { currency: 'eur' }, 'currency'],
    ['an empty reference', { reference: '' }, 'reference'],
    ['an empty customer id', { customerId: '' }, 'customer_id'],
  ];
  it.each(cases)('refuses %s as INVALID_ARGUMENT naming the field', async (_name, override, field) => {
    const request = { reference: randomUUID(), customerId: randomUUID(), points: 100, currency: 'EUR', ...override };
    const err = await rejectionOf(unaryCall(h.client.reserveRedemption.bind(h.client), request as never, staff()));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details.map((d) => d.field)).toEqual([field]);
  });

  it('is internal: a customer token is refused (PERMISSION_DENIED), no token UNAUTHENTICATED', async () => {
    const request = { reference: randomUUID(), customerId: 'customer-1', points: 1, currency: 'EUR' };
    expect(grpcCode(await rejectionOf(unaryCall(h.client.reserveRedemption.bind(h.client), request, { token: h.tokens.customer })))).toBe('PERMISSION_DENIED');
    expect(grpcCode(await rejectionOf(unaryCall(h.client.releaseRedemption.bind(h.client), { reference: 'x' })))).toBe('UNAUTHENTICATED');
  });
});

describe('the ledger', () => {
  // Last in the file: after the concurrent tests above.
  it('sums to every balance, and to what the lots still hold', async () => {
    expect(await ledgerInvariantViolations(h.db)).toEqual([]);
  });
});
