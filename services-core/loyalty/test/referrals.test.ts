// Referral codes through the real gRPC API: a customer applies a friend's code before their first order, and the
// first order rewards both, once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anOrder } from './builders.js';
import { aCustomer, eventually, grpcCode, ledgerInvariantViolations, publish, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const codeOf = async (token: string) => (await unaryCall(h.client.getReferralCode.bind(h.client), {}, { token })).code;
const apply = (token: string, code: string) => unaryCall(h.client.applyReferralCode.bind(h.client), { code }, { token });
const referralEntries = (customerId: string) =>
  h.db('ledger_entries').where({ customer_id: customerId }).whereLike('dedupe_key', 'referral:%').select('points', 'reason');
const placeOrder = async (customerId: string) => {
  const order = anOrder(customerId, { totalMinor: 2_000 });
  const eventId = await publish(h, 'order.order.placed', order.id, { order });
  await eventually(async () => expect(await h.db('inbox_events').where({ event_id: eventId }).first()).toBeDefined());
  return { order, eventId };
};

describe('referrals', () => {
  it('rewards the referrer and the referred customer 500 points each after the first order, once', async () => {
    const referrer = await aCustomer(h);
    const friend = await aCustomer(h);
    const code = await codeOf(referrer.token);
    expect(code).toBe(await codeOf(referrer.token));

    expect((await apply(friend.token, code.toLowerCase())).referrerCustomerId).toBe(referrer.id);
    await apply(friend.token, code); // the same code again is a no-op
    const { order, eventId } = await placeOrder(friend.id);
    await publish(h, 'order.order.placed', order.id, { order }, eventId);
    await placeOrder(friend.id); // a second order rewards nobody

    expect(await referralEntries(friend.id)).toEqual([{ points: 500, reason: `referred by ${referrer.id}` }]);
    expect(await referralEntries(referrer.id)).toEqual([{ points: 500, reason: `referred ${friend.id}` }]);
  });

  it('refuses a code after the first order, a second code, the own code and a mutual referral (FAILED_PRECONDITION)', async () => {
    const a = await aCustomer(h);
    const b = await aCustomer(h);
    const c = await aCustomer(h);
    const late = await aCustomer(h);
    await placeOrder(late.id);
    await apply(b.token, await codeOf(a.token));

    const refusals = [
      await rejectionOf(apply(late.token, await codeOf(a.token))),
      await rejectionOf(apply(b.token, await codeOf(c.token))),
      await rejectionOf(apply(c.token, await codeOf(c.token))),
      await rejectionOf(apply(a.token, await codeOf(b.token))),
    ];
    expect(refusals.map(grpcCode)).toEqual(Array(4).fill('FAILED_PRECONDITION'));
    expect(refusals.map((e) => e.details[0]?.field)).toEqual(Array(4).fill('code'));
  });

  it.each([['an unknown code', 'ZZZZZZZZZZ'], ['a malformed code', 'short']])('refuses %s as INVALID_ARGUMENT naming code', async (_name, code) => {
    const { token } = await aCustomer(h);
    const err = await rejectionOf(apply(token, code));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details.map((d) => d.field)).toEqual(['code']);
  });

  it('is for customers: a staff token is refused (PERMISSION_DENIED)', async () => {
    expect(grpcCode(await rejectionOf(unaryCall(h.client.getReferralCode.bind(h.client), {}, { token: h.tokens.staff })))).toBe('PERMISSION_DENIED');
  });
});

describe('the ledger', () => {
  it('sums to every balance, and to what the lots still hold', async () => {
    expect(await ledgerInvariantViolations(h.db)).toEqual([]);
  });
});
