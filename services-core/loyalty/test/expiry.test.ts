// Points expire oldest first: the housekeeping task, run by the service's own scheduler against the injected
// clock, expires lots past their lifetime (365 days), and redemptions take the oldest lots before it gets there.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, ledgerInvariantViolations, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const staff = () => ({ token: h.tokens.staff });
const credit = (customerId: string, points: number) => unaryCall(h.client.adjustPoints.bind(h.client), { customerId, points, reason: 'test credit' }, staff());
const accountOf = async (customerId: string) => (await unaryCall(h.client.getAccount.bind(h.client), { customerId }, staff())).account!;
const expiryEntries = (customerId: string) => h.db('ledger_entries').where({ customer_id: customerId, kind: 'expire' }).orderBy('id').pluck('points');

describe('points expiry', () => {
  it('expires the oldest lot when it is due, and leaves the younger one', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 100); // day 0
    h.clock.advanceDays(100);
    await credit(id, 40); // day 100

    h.clock.advanceDays(266); // day 366: the first lot is past 365 days, the second is not
    const round = await h.housekeeping.runOnce();

    expect(round).toMatchObject({ ran: true, removed: { 'expire-points': expect.any(Number) } });
    expect(await expiryEntries(id)).toEqual([-100]);
    expect((await accountOf(id)).balance).toBe(40);

    h.clock.advanceDays(100); // day 466: the second is due too
    await h.housekeeping.runOnce();
    expect(await expiryEntries(id)).toEqual([-100, -40]);
    expect((await accountOf(id)).balance).toBe(0);
  });

  it('lets redemption take the oldest points first, so only the younger lot is left to expire', async () => {
    const { id } = await aCustomer(h);
    await credit(id, 100); // oldest
    h.clock.advanceDays(10);
    await credit(id, 100);
    await unaryCall(h.client.reserveRedemption.bind(h.client), { reference: randomUUID(), customerId: id, points: 150, currency: 'EUR' }, staff());
    expect(await h.db('point_lots').where({ customer_id: id }).orderBy('id').pluck('remaining')).toEqual([0, 50]);

    h.clock.advanceDays(360); // past the first lot's expiry, not the second's: nothing left to expire
    await h.housekeeping.runOnce();
    expect(await expiryEntries(id)).toEqual([]);

    h.clock.advanceDays(10); // past the second's
    await h.housekeeping.runOnce();
    expect(await expiryEntries(id)).toEqual([-50]);
  });

  it('tells the customer what expires within 30 days, and when the next lot does', async () => {
    const customer = await aCustomer(h);
    const start = h.clock.now();
    await credit(customer.id, 70);
    h.clock.advanceDays(200);
    await credit(customer.id, 30);
    h.clock.advanceDays(140); // the first lot expires in 25 days, the second in 225

    const { account } = await unaryCall(h.client.getAccount.bind(h.client), { customerId: '' }, { token: customer.token });

    expect(account).toMatchObject({ balance: 100, expiringSoonPoints: 70, nextExpireTime: new Date(start.getTime() + 365 * 86_400_000) });
  });
});

describe('the ledger', () => {
  it('sums to every balance, and to what the lots still hold', async () => {
    expect(await ledgerInvariantViolations(h.db)).toEqual([]);
  });
});
