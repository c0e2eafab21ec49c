// Accounts through the real gRPC API: opened by registrations (with the sign-up bonus, once) or on a customer's
// first look; a customer sees only their own account and ledger; staff see anyone's and adjust with a reason.
import { randomUUID } from 'node:crypto';
import { CustomerStatus } from '@ecommerce/proto/events/v1/customer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCustomer, eventually, grpcCode, ledgerInvariantViolations, publish, rejectionOf, startHarness, unaryCall, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h?.close());

const staff = () => ({ token: h.tokens.staff });
const adjust = (customerId: string, points: number, reason = 'goodwill') =>
  unaryCall(h.client.adjustPoints.bind(h.client), { customerId, points, reason }, staff());
const ownAccount = (token: string) => unaryCall(h.client.getAccount.bind(h.client), { customerId: '' }, { token });

describe('accounts from registrations', () => {
  it('opens the account with the sign-up bonus once from customer.customer.created, however often it is delivered', async () => {
    const { id, token } = await aCustomer(h);
    const customer = { id, email: `${id}@shop.test`, firstName: '', lastName: '', phone: '', status: CustomerStatus.CUSTOMER_STATUS_ACTIVE, totalSpentMinor: 0, currency: 'EUR' };
    const first = await publish(h, 'customer.customer.created', id, { customer });
    await publish(h, 'customer.customer.created', id, { customer }, first);
    const second = await publish(h, 'customer.customer.created', id, { customer }); // announced again, another event id

    await eventually(async () => expect(await h.db('inbox_events').where({ event_id: second }).first()).toBeDefined());
    expect((await ownAccount(token)).account?.balance).toBe(100);
    const created = await h.db('outbox_events').where({ event_type: 'loyalty.account.created', event_key: id });
    expect(created).toHaveLength(1);
    expect(await h.db('ledger_entries').where({ customer_id: id }).pluck('reason')).toEqual(['sign-up bonus']);
  });
});

describe('GetAccount', () => {
  it("opens a customer's own account on first look, empty, in the base tier", async () => {
    const { id, token } = await aCustomer(h);
    const { account } = await ownAccount(token);
    expect(account).toMatchObject({ customerId: id, balance: 0, tier: { name: 'base', earnMultiplierPercent: 100, currency: 'EUR' }, nextTier: { name: 'silver', minSpendMinor: 50_000 }, expiringSoonPoints: 0 });
    expect(account?.referralCode).toMatch(/^[A-Z2-9]{10}$/);
    expect(account?.nextExpireTime).toBeUndefined();
  });

  it("answers NOT_FOUND to a customer asking for someone else's account", async () => {
    const other = await aCustomer(h);
    await adjust(other.id, 10);
    const { token } = await aCustomer(h);
    const err = await rejectionOf(unaryCall(h.client.getAccount.bind(h.client), { customerId: other.id }, { token }));
    expect(grpcCode(err)).toBe('NOT_FOUND');
  });

  it("shows staff anyone's account, and NOT_FOUND for one that does not exist", async () => {
    const { id } = await aCustomer(h);
    await adjust(id, 25);
    expect((await unaryCall(h.client.getAccount.bind(h.client), { customerId: id }, staff())).account?.balance).toBe(25);
    expect(grpcCode(await rejectionOf(unaryCall(h.client.getAccount.bind(h.client), { customerId: randomUUID() }, staff())))).toBe('NOT_FOUND');
  });

  it("reads a customer's own account as `me`, and refuses `me` to staff naming customer_id", async () => {
    const { id, token } = await aCustomer(h);
    expect((await unaryCall(h.client.getAccount.bind(h.client), { customerId: 'me' }, { token })).account?.customerId).toBe(id);
    expect((await unaryCall(h.client.getAccount.bind(h.client), { customerId: id }, { token })).account?.customerId).toBe(id);
    const err = await rejectionOf(unaryCall(h.client.getAccount.bind(h.client), { customerId: 'me' }, staff()));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details.map((d) => d.field)).toEqual(['customer_id']);
  });

  it('refuses a caller without a token', async () => {
    expect(grpcCode(await rejectionOf(unaryCall(h.client.getAccount.bind(h.client), { customerId: '' })))).toBe('UNAUTHENTICATED');
  });
});

describe('ListLedger', () => {
  it('lists the own ledger newest first, with pages and a total', async () => {
    const { id, token } = await aCustomer(h);
    for (const points of [10, 20, -5]) await adjust(id, points);
    const list = (page: number, pageSize: number) => unaryCall(h.client.listLedger.bind(h.client), { customerId: '', page, pageSize }, { token });

    const first = await list(1, 2);
    expect(first.total).toBe(3);
    expect(first.entries.map((e) => [e.kind, e.points, e.balanceAfter])).toEqual([['adjust', -5, 25], ['adjust', 20, 30]]);
    expect((await list(2, 2)).entries.map((e) => e.points)).toEqual([10]);
  });

  it("answers NOT_FOUND to a customer listing someone else's ledger, and names page_size above 100", async () => {
    const { token } = await aCustomer(h);
    expect(grpcCode(await rejectionOf(unaryCall(h.client.listLedger.bind(h.client), { customerId: randomUUID(), page: 1, pageSize: 10 }, { token })))).toBe('NOT_FOUND');
    const err = await rejectionOf(unaryCall(h.client.listLedger.bind(h.client), { customerId: '', page: 1, pageSize: 101 }, { token }));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details.map((d) => d.field)).toEqual(['page_size']);
  });
});

describe('AdjustPoints', () => {
  it('credits and debits with the reason and the acting staff member on the entry', async () => {
    const { id } = await aCustomer(h);
    await adjust(id, 50, 'late delivery');
    const { entry, account } = await adjust(id, -20, 'correction');
    expect(entry).toMatchObject({ kind: 'adjust', points: -20, balanceAfter: 30, reason: 'correction (by staff-1)' });
    expect(account?.balance).toBe(30);
    const announced = await h.db('outbox_events').where({ event_type: 'loyalty.account.points_changed', event_key: id }).orderBy('id').pluck('envelope');
    expect(announced.map((e: { data: object }) => e.data)).toEqual([
      expect.objectContaining({ customerId: id, kind: 'adjust', points: 50, balanceAfter: 50 }),
      expect.objectContaining({ customerId: id, kind: 'adjust', points: -20, balanceAfter: 30, reason: 'correction (by staff-1)' }),
    ]);
  });

  it('refuses a debit beyond the balance (FAILED_PRECONDITION naming points) and writes nothing', async () => {
    const { id } = await aCustomer(h);
    await adjust(id, 10);
    const err = await rejectionOf(adjust(id, -11));
    expect(grpcCode(err)).toBe('FAILED_PRECONDITION');
    expect(err.details[0]?.field).toBe('points');
    expect(await h.db('ledger_entries').where({ customer_id: id }).count<{ n: number }[]>({ n: '*' })).toEqual([{ n: 1 }]);
  });

  const bad: Array<[string, Record<string, unknown>, string]> = [
    ['zero points', { points: 0 }, 'points'],
    ['points above a trillion', { points: 1_000_000_000_001 }, 'points'],
    ['points below minus a trillion', { points: -1_000_000_000_001 }, 'points'],
    ['an empty reason', { reason: '  ' }, 'reason'],
    ['an empty customer id', { customerId: '' }, 'customer_id'],
  ];
  it.each(bad)('refuses %s as INVALID_ARGUMENT naming the field', async (_name, override, field) => {
    const err = await rejectionOf(unaryCall(h.client.adjustPoints.bind(h.client), { customerId: randomUUID(), points: 5, reason: 'x', ...override } as never, staff()));
    expect(grpcCode(err)).toBe('INVALID_ARGUMENT');
    expect(err.details.map((d) => d.field)).toEqual([field]);
  });

  it('is refused to a customer (PERMISSION_DENIED)', async () => {
    const { id, token } = await aCustomer(h);
    expect(grpcCode(await rejectionOf(unaryCall(h.client.adjustPoints.bind(h.client), { customerId: id, points: 1000, reason: 'me' }, { token })))).toBe('PERMISSION_DENIED');
  });
});

describe('the ledger', () => {
  it('sums to every balance, and to what the lots still hold', async () => {
    expect(await ledgerInvariantViolations(h.db)).toEqual([]);
  });
});
