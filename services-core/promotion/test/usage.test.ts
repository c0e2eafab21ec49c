// ReserveUsage / CommitUsage / ReleaseUsage through the real gRPC API under concurrency: limits on codes,
// promotions, campaigns and per customer hold whatever the interleaving, and the checkout saga's compensation frees them.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unaryCall } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/promotion/v1/promotion';
import { calls, campaignInput, cart, cartLine, promotionInput, rejectionOf } from './builders.js';
import { deactivateAll, startHarness, type Harness } from './harness.js';

let h: Harness;
let api: ReturnType<typeof calls>;
beforeAll(async () => {
  h = await startHarness();
  api = calls(h);
});
afterAll(() => h?.close());
afterEach(() => deactivateAll(h));

const coded = (overrides: Partial<pb.PromotionInput> = {}) => api.activePromotion(promotionInput({ requiresCode: true, ...overrides }));
const settled = <T>(promises: Promise<T>[]) => Promise.allSettled(promises);

describe('usage reservations', () => {
  it('lets exactly one of 20 concurrent checkouts reserve a code with a usage limit of 1, naming the code to the others', async () => {
    const promotion = await coded();
    await api.createCode(promotion.id, 'ONLYONCE', 1);

    const results = await settled(Array.from({ length: 20 }, (_, i) => api.reserve(`order-${i}-${randomUUID()}`, `customer-${i}`, [{ promotionId: promotion.id, code: 'ONLYONCE', amountMinor: 100 }])));

    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as { type: string; message: string }] : []));
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(19);
    for (const err of failed) {
      expect(err.type).toBe('failed_precondition');
      expect(err.message).toContain('ONLYONCE');
    }
    expect(await h.db('promotion_codes').where({ code: 'ONLYONCE' }).first()).toMatchObject({ uses: 1 });
    expect(await h.db('usage_reservations').count({ n: '*' }).first()).toMatchObject({ n: 1 });
  });

  it('holds a per-customer limit under concurrency while other customers still get theirs', async () => {
    const promotion = await coded({ usageLimitPerCustomer: 1 });
    await api.createCode(promotion.id, 'ONCEEACH');
    const reserve = (customer: string, i: number) => api.reserve(`pc-${customer}-${i}`, customer, [{ promotionId: promotion.id, code: 'ONCEEACH', amountMinor: 50 }]);

    const results = await settled([...Array.from({ length: 10 }, (_, i) => reserve('alice', i)), reserve('bob', 0), reserve('carol', 0)]);

    const okFor = (from: number, to: number) => results.slice(from, to).filter((r) => r.status === 'fulfilled').length;
    expect(okFor(0, 10)).toBe(1);
    expect(okFor(10, 12)).toBe(2);
    const rows = await h.db('customer_usage').where({ scope: 'promotion', scope_id: promotion.id }).orderBy('customer_id').select('customer_id', 'uses');
    expect(rows).toEqual([
      { customer_id: 'alice', uses: 1 },
      { customer_id: 'bob', uses: 1 },
      { customer_id: 'carol', uses: 1 },
    ]);
    expect((await api.getPromotion(promotion.id)).uses).toBe(3);
  });

  it('frees the use of a cancelled checkout when it is released, so the next checkout gets it', async () => {
    const promotion = await coded();
    await api.createCode(promotion.id, 'SECONDCHANCE', 1);
    const applied = [{ promotionId: promotion.id, code: 'SECONDCHANCE', amountMinor: 100 }];
    await api.reserve('cancelled-checkout', 'dave', applied);
    expect((await rejectionOf(api.reserve('next-checkout', 'erin', applied))).type).toBe('failed_precondition');

    expect(await api.release('cancelled-checkout')).toEqual({ reference: 'cancelled-checkout', status: 'released' });

    expect(await api.reserve('next-checkout', 'erin', applied)).toEqual({ reference: 'next-checkout', status: 'reserved' });
    expect(await h.db('promotion_codes').where({ code: 'SECONDCHANCE' }).first()).toMatchObject({ uses: 1 });
    expect(await h.db('customer_usage').where({ scope_id: promotion.id, customer_id: 'dave' }).first()).toMatchObject({ uses: 0 });
  });

  it('answers the same reference again with the same answer and counts it once, even concurrently', async () => {
    const promotion = await coded();
    await api.createCode(promotion.id, 'IDEMPOTENT', 5);
    const applied = [{ promotionId: promotion.id, code: 'IDEMPOTENT', amountMinor: 100 }];

    const answers = await Promise.all(Array.from({ length: 5 }, () => api.reserve('same-ref', 'frank', applied)));

    expect(answers.every((a) => a.status === 'reserved')).toBe(true);
    expect(await h.db('promotion_codes').where({ code: 'IDEMPOTENT' }).first()).toMatchObject({ uses: 1 });
    expect(await api.commit('same-ref')).toEqual({ reference: 'same-ref', status: 'committed' });
    expect(await api.commit('same-ref')).toEqual({ reference: 'same-ref', status: 'committed' });
    expect(await api.reserve('same-ref', 'frank', applied)).toEqual({ reference: 'same-ref', status: 'committed' });
    expect(await h.db('promotion_codes').where({ code: 'IDEMPOTENT' }).first()).toMatchObject({ uses: 1 });
  });

  it('keeps committed uses counted: release after commit is FAILED_PRECONDITION and changes nothing', async () => {
    const promotion = await coded();
    await api.createCode(promotion.id, 'KEPT', 1);
    await api.reserve('kept-ref', '', [{ promotionId: promotion.id, code: 'KEPT', amountMinor: 10 }]);
    await api.commit('kept-ref');

    const err = await rejectionOf(api.release('kept-ref'));

    expect(err.type).toBe('failed_precondition');
    expect(await h.db('promotion_codes').where({ code: 'KEPT' }).first()).toMatchObject({ uses: 1 });
    expect(await h.db('usage_reservations').where({ reference: 'kept-ref' }).first()).toMatchObject({ status: 'committed' });
  });

  it('answers released for a reference never reserved, and refuses to commit it', async () => {
    expect(await api.release('never-reserved')).toEqual({ reference: 'never-reserved', status: 'released' });
    expect((await rejectionOf(api.commit('never-reserved'))).type).toBe('not_found');
    expect(await h.db('usage_reservations').where({ reference: 'never-reserved' }).first()).toBeUndefined();
  });

  it('refuses to commit a released reservation, and a second release is a no-op', async () => {
    const promotion = await coded();
    await api.createCode(promotion.id, 'RELEASED');
    await api.reserve('released-ref', 'gina', [{ promotionId: promotion.id, code: 'RELEASED', amountMinor: 10 }]);
    await api.release('released-ref');

    expect(await api.release('released-ref')).toEqual({ reference: 'released-ref', status: 'released' });
    expect((await rejectionOf(api.commit('released-ref'))).type).toBe('failed_precondition');
    expect(await h.db('promotion_codes').where({ code: 'RELEASED' }).first()).toMatchObject({ uses: 0 });
  });

  it('makes an automatic promotion respect its usage limit: reservations stop at it and carts stop getting it', async () => {
    const promotion = await api.activePromotion(promotionInput({ name: 'First three orders', usageLimit: 3 }));
    const applied = [{ promotionId: promotion.id, code: '', amountMinor: 100 }];
    const before = await api.evaluate(cart({ lines: [cartLine('a', 1000)] }));
    expect(before.applied).toEqual([{ promotionId: promotion.id, code: '', amountMinor: 100 }]);

    const results = await settled(Array.from({ length: 8 }, (_, i) => api.reserve(`auto-${i}`, `c${i}`, applied)));

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const failure = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(failure.reason.message).toContain(promotion.id);
    expect((await api.getPromotion(promotion.id)).uses).toBe(3);
    expect((await api.evaluate(cart({ lines: [cartLine('a', 1000)] }))).applied).toEqual([]);
  });

  it('holds a campaign budget of uses and of amount across its promotions under concurrency', async () => {
    const campaign = await api.createCampaign(campaignInput({ budgetUses: 100, budgetAmountMinor: 1000, currency: 'EUR' }));
    await api.activateCampaign(campaign.id);
    const first = await coded({ campaignId: campaign.id });
    const second = await coded({ campaignId: campaign.id });
    await api.createCode(first.id, 'BUDGETA');
    await api.createCode(second.id, 'BUDGETB');

    const results = await settled(
      Array.from({ length: 12 }, (_, i) =>
        api.reserve(`budget-${i}`, '', [i % 2 === 0 ? { promotionId: first.id, code: 'BUDGETA', amountMinor: 300 } : { promotionId: second.id, code: 'BUDGETB', amountMinor: 300 }]),
      ),
    );

    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await api.getCampaign(campaign.id)).toMatchObject({ uses: 3, amountUsedMinor: 900 });
  });

  it('refuses a code of another promotion, an inactive promotion and a duplicate promotion, writing nothing', async () => {
    const promotion = await coded();
    const other = await coded();
    await api.createCode(other.id, 'NOTYOURS');
    const inactive = await api.createPromotion(promotionInput({ requiresCode: true }));
    await api.createCode(inactive.id, 'SLEEPING');

    const wrongCode = await rejectionOf(api.reserve('bad-1', '', [{ promotionId: promotion.id, code: 'NOTYOURS', amountMinor: 1 }]));
    const sleeping = await rejectionOf(api.reserve('bad-2', '', [{ promotionId: inactive.id, code: 'SLEEPING', amountMinor: 1 }]));
    const duplicate = await rejectionOf(
      api.reserve('bad-3', '', [
        { promotionId: other.id, code: 'NOTYOURS', amountMinor: 1 },
        { promotionId: other.id, code: 'NOTYOURS', amountMinor: 1 },
      ]),
    );

    expect(wrongCode).toMatchObject({ type: 'failed_precondition', message: expect.stringContaining('NOTYOURS') });
    expect(sleeping).toMatchObject({ type: 'failed_precondition', message: expect.stringContaining('SLEEPING') });
    expect(duplicate.type).toBe('invalid_argument');
    expect(duplicate.details).toEqual([expect.objectContaining({ field: 'applied.1.promotion_id' })]);
    expect(await h.db('usage_reservations').whereIn('reference', ['bad-1', 'bad-2', 'bad-3']).count({ n: '*' }).first()).toMatchObject({ n: 0 });
  });

  // Codes are counted in sorted order: AROOMY is counted before FULL fails, so this proves the rollback.
  it('counts nothing when one of several applied promotions is at its limit (all or nothing)', async () => {
    const roomy = await coded();
    const full = await coded();
    await api.createCode(roomy.id, 'AROOMY', 10);
    await api.createCode(full.id, 'FULL', 1);
    await api.reserve('fills-full', '', [{ promotionId: full.id, code: 'FULL', amountMinor: 1 }]);

    const err = await rejectionOf(
      api.reserve('both', 'kim', [
        { promotionId: roomy.id, code: 'AROOMY', amountMinor: 1 },
        { promotionId: full.id, code: 'FULL', amountMinor: 1 },
      ]),
    );

    expect(err).toMatchObject({ type: 'failed_precondition', message: expect.stringContaining('FULL') });
    expect(await h.db('promotion_codes').where({ code: 'AROOMY' }).first()).toMatchObject({ uses: 0 });
    expect((await api.getPromotion(roomy.id)).uses).toBe(0);
    expect(await h.db('customer_usage').where({ customer_id: 'kim' }).first()).toBeUndefined();
    expect(await h.db('usage_reservations').where({ reference: 'both' }).first()).toBeUndefined();
  });

  it('records promotion.usage.reserved, committed and released in the outbox', async () => {
    const promotion = await coded();
    await api.createCode(promotion.id, 'EVENTFUL');
    await api.reserve('events-1', 'hal', [{ promotionId: promotion.id, code: 'EVENTFUL', amountMinor: 10 }]);
    await api.commit('events-1');
    await api.reserve('events-2', 'hal', [{ promotionId: promotion.id, code: 'EVENTFUL', amountMinor: 10 }]);
    await api.release('events-2');

    const rows = await h.db('outbox_events').whereIn('event_key', ['events-1', 'events-2']).orderBy('id').select('event_type', 'envelope');
    expect(rows.map((r) => r.event_type)).toEqual(['promotion.usage.reserved', 'promotion.usage.committed', 'promotion.usage.reserved', 'promotion.usage.released']);
    expect(rows[0].envelope.data).toMatchObject({ reference: 'events-1', customerId: 'hal', lines: [{ promotionId: promotion.id, code: 'EVENTFUL' }] });
  });

  it('is for staff and services only', async () => {
    const reserve = h.client.reserveUsage.bind(h.client);
    const request = { reference: 'x', customerId: '', applied: [] };
    expect((await rejectionOf(unaryCall(reserve, request, { token: h.tokens.customer }))).type).toBe('permission_denied');
    expect((await rejectionOf(unaryCall(reserve, request))).type).toBe('unauthenticated');
  });
});
