// Staff RPCs through the real gRPC API: promotions and campaigns are defined, redefined, switched on and off and
// announced through the outbox; bad input names the field and writes nothing; unknown ids are NOT_FOUND.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { unaryCall } from '@ecommerce/common/grpc';
import * as pb from '@ecommerce/proto/promotion/v1/promotion';
import { calls, campaignInput, promotionInput, rejectionOf } from './builders.js';
import { deactivateAll, startHarness, type Harness } from './harness.js';

let h: Harness;
let api: ReturnType<typeof calls>;
beforeAll(async () => {
  h = await startHarness();
  api = calls(h);
});
afterAll(() => h?.close());
afterEach(() => deactivateAll(h));

const DAY = 86_400_000;
const countRows = async (table: string) => Number((await h.db(table).count({ n: '*' }).first())!.n);
const outboxTypes = async (key: string) => (await h.db('outbox_events').where({ event_key: key }).orderBy('id').select('event_type')).map((r) => r.event_type);

describe('staff promotions', () => {
  it('creates an inactive promotion, reads it back and announces it through the outbox', async () => {
    const created = await api.createPromotion(promotionInput({ name: '  Summer  ', productIds: ['p2', 'p1', 'p2'], priority: 7 }));

    expect(created).toMatchObject({ status: pb.PromotionStatus.PROMOTION_STATUS_INACTIVE, uses: 0 });
    expect(created.definition).toMatchObject({ name: 'Summer', productIds: ['p1', 'p2'], priority: 7, percentageBps: 1000 });
    expect(await api.getPromotion(created.id)).toEqual(created);
    expect(await outboxTypes(created.id)).toEqual(['promotion.promotion.created']);
  });

  it('activates and deactivates, announcing each change once, and refuses to activate an ended promotion', async () => {
    const p = await api.createPromotion(promotionInput());
    expect((await api.activatePromotion(p.id)).status).toBe(pb.PromotionStatus.PROMOTION_STATUS_ACTIVE);
    await api.activatePromotion(p.id);
    expect((await api.deactivatePromotion(p.id)).status).toBe(pb.PromotionStatus.PROMOTION_STATUS_INACTIVE);
    expect(await outboxTypes(p.id)).toEqual(['promotion.promotion.created', 'promotion.promotion.activated', 'promotion.promotion.deactivated']);

    const ended = await api.createPromotion(promotionInput({ startTime: new Date(Date.now() - 2 * DAY), endTime: new Date(Date.now() - DAY) }));
    expect((await rejectionOf(api.activatePromotion(ended.id))).type).toBe('failed_precondition');
  });

  it('replaces the definition on update, keeping status and uses', async () => {
    const p = await api.activePromotion(promotionInput({ requiresCode: true }));
    await api.createCode(p.id, 'KEEPUSES');
    await api.reserve('update-keeps', '', [{ promotionId: p.id, code: 'KEEPUSES', amountMinor: 1 }]);

    const updated = await api.updatePromotion(p.id, promotionInput({ requiresCode: true, name: 'Renamed', percentageBps: 2500 }));

    expect(updated).toMatchObject({ status: pb.PromotionStatus.PROMOTION_STATUS_ACTIVE, uses: 1, definition: { name: 'Renamed', percentageBps: 2500 } });
    expect(await outboxTypes(p.id)).toContain('promotion.promotion.updated');
  });

  it('lists promotions by status and campaign, a page at a time', async () => {
    const campaign = await api.createCampaign(campaignInput());
    const a = await api.createPromotion(promotionInput({ campaignId: campaign.id }));
    const b = await api.activePromotion(promotionInput({ campaignId: campaign.id }));

    const all = await api.listPromotions({ campaignId: campaign.id });
    const active = await api.listPromotions({ campaignId: campaign.id, status: pb.PromotionStatus.PROMOTION_STATUS_ACTIVE });
    const firstPage = await api.listPromotions({ campaignId: campaign.id, pageSize: 1 });

    expect(all.promotions.map((p) => p.id)).toEqual([a.id, b.id]);
    expect(active.promotions.map((p) => p.id)).toEqual([b.id]);
    expect(firstPage).toMatchObject({ total: 2, page: 1, pageSize: 1, promotions: [expect.objectContaining({ id: a.id })] });
  });

  it.each([
    ['an unknown currency', { currency: 'ABC' }, 'promotion.currency'],
    ['a negative amount', { discountType: pb.DiscountType.DISCOUNT_TYPE_FIXED, amountMinor: -5, currency: 'EUR' }, 'promotion.amount_minor'],
    ['a percentage over 100', { percentageBps: 10_001 }, 'promotion.percentage_bps'],
    ['a window ending before it starts', { startTime: new Date(Date.now() + 2 * DAY), endTime: new Date(Date.now() + DAY) }, 'promotion.end_time'],
    ['a fixed amount without a currency', { discountType: pb.DiscountType.DISCOUNT_TYPE_FIXED, amountMinor: 100 }, 'promotion.currency'],
    ['no discount type', { discountType: pb.DiscountType.DISCOUNT_TYPE_UNSPECIFIED }, 'promotion.discount_type'],
    ['an unknown campaign', { campaignId: '00000000-0000-4000-8000-000000000000' }, 'promotion.campaign_id'],
  ])('answers INVALID_ARGUMENT naming the field for %s, writing nothing', async (_, overrides, field) => {
    const before = await countRows('promotions');

    const err = await rejectionOf(api.createPromotion(promotionInput(overrides)));

    expect(err.type).toBe('invalid_argument');
    expect(err.details).toEqual([expect.objectContaining({ field })]);
    expect(await countRows('promotions')).toBe(before);
  });

  it('answers NOT_FOUND for an unknown promotion, campaign or code', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    expect((await rejectionOf(api.getPromotion(missing))).type).toBe('not_found');
    expect((await rejectionOf(api.activatePromotion(missing))).type).toBe('not_found');
    expect((await rejectionOf(api.updatePromotion(missing, promotionInput()))).type).toBe('not_found');
    expect((await rejectionOf(api.getCampaign(missing))).type).toBe('not_found');
    expect((await rejectionOf(api.getCode('NO-SUCH-CODE'))).type).toBe('not_found');
    expect((await rejectionOf(api.listCodes(missing))).type).toBe('not_found');
  });

  it('lets only staff manage promotions, and anyone evaluate a cart', async () => {
    const create = h.client.createPromotion.bind(h.client);
    expect((await rejectionOf(unaryCall(create, { promotion: promotionInput() }))).type).toBe('unauthenticated');
    expect((await rejectionOf(unaryCall(create, { promotion: promotionInput() }, { token: h.tokens.customer }))).type).toBe('permission_denied');
    expect(await api.evaluate({ currency: 'EUR', customerId: '', customerGroups: [], codes: [], lines: [], shippingMinor: 0 })).toMatchObject({ discountTotalMinor: 0 });
  });
});

describe('staff campaigns', () => {
  it('creates, updates, activates, lists and announces a campaign', async () => {
    const c = await api.createCampaign(campaignInput({ budgetUses: 10, budgetAmountMinor: 5000, currency: 'EUR', usesPerCustomer: 1 }));
    const updated = await api.updateCampaign(c.id, campaignInput({ name: 'Autumn', budgetUses: 20 }));
    const active = await api.activateCampaign(c.id);
    const inactive = await api.deactivateCampaign(c.id);

    expect(updated.definition).toMatchObject({ name: 'Autumn', budgetUses: 20, budgetAmountMinor: 0, currency: '' });
    expect(active.status).toBe(pb.CampaignStatus.CAMPAIGN_STATUS_ACTIVE);
    expect(inactive.status).toBe(pb.CampaignStatus.CAMPAIGN_STATUS_INACTIVE);
    expect((await api.listCampaigns()).campaigns.map((x) => x.id)).toContain(c.id);
    expect(await outboxTypes(c.id)).toEqual(['promotion.campaign.created', 'promotion.campaign.updated', 'promotion.campaign.activated', 'promotion.campaign.deactivated']);
  });

  it('answers INVALID_ARGUMENT naming the field for an amount budget without currency or a backwards window', async () => {
    const before = await countRows('campaigns');
    const noCurrency = await rejectionOf(api.createCampaign(campaignInput({ budgetAmountMinor: 100 })));
    const backwards = await rejectionOf(api.createCampaign(campaignInput({ startTime: new Date(Date.now() + DAY), endTime: new Date() })));
    const negative = await rejectionOf(api.createCampaign(campaignInput({ budgetAmountMinor: -1, currency: 'EUR' })));

    expect(noCurrency.details).toEqual([expect.objectContaining({ field: 'campaign.currency' })]);
    expect(backwards.details).toEqual([expect.objectContaining({ field: 'campaign.end_time' })]);
    expect(negative.details).toEqual([expect.objectContaining({ field: 'campaign.budget_amount_minor' })]);
    expect(await countRows('campaigns')).toBe(before);
  });
});

describe('staff codes', () => {
  it('stores a named code upper-case, refuses a duplicate, and refuses codes on an automatic promotion', async () => {
    const p = await api.createPromotion(promotionInput({ requiresCode: true }));
    const automatic = await api.createPromotion(promotionInput());

    const code = await api.createCode(p.id, 'welcome-10', 100);

    expect(code).toMatchObject({ code: 'WELCOME-10', promotionId: p.id, usageLimit: 100, uses: 0, batchId: '' });
    expect(await api.getCode('Welcome-10')).toEqual(code);
    expect((await rejectionOf(api.createCode(p.id, 'WELCOME-10'))).type).toBe('already_exists');
    expect((await rejectionOf(api.createCode(automatic.id, 'AUTOCODE'))).type).toBe('failed_precondition');
    expect((await rejectionOf(api.createCode(p.id, 'no spaces allowed'))).details).toEqual([expect.objectContaining({ field: 'code' })]);
  });

  it('generates N unique single-use codes with the prefix, listable by batch, and announces the batch', async () => {
    const p = await api.createPromotion(promotionInput({ requiresCode: true }));

    const { batchId, codes } = await api.generateCodes(p.id, 200, 'spring');
    const again = await api.generateCodes(p.id, 5, 'spring');

    expect(codes).toHaveLength(200);
    expect(new Set(codes.map((c) => c.code)).size).toBe(200);
    for (const c of codes) expect(c).toMatchObject({ code: expect.stringMatching(/^SPRING-[A-Z2-9]{10}$/), usageLimit: 1, uses: 0, batchId });
    const listed = await api.listCodes(p.id, { batchId, pageSize: 100, page: 2 });
    expect(listed).toMatchObject({ total: 200, page: 2, pageSize: 100 });
    expect(listed.codes).toHaveLength(100);
    expect((await api.listCodes(p.id)).total).toBe(205);
    expect(again.batchId).not.toBe(batchId);
    const events = await h.db('outbox_events').where({ event_type: 'promotion.promotion.codes_generated', event_key: p.id }).orderBy('id').select('envelope');
    expect(events.map((e) => e.envelope.data)).toEqual([
      { promotionId: p.id, batchId, count: 200 },
      { promotionId: p.id, batchId: again.batchId, count: 5 },
    ]);
  });

  it('answers INVALID_ARGUMENT for a bad count or prefix, writing nothing', async () => {
    const p = await api.createPromotion(promotionInput({ requiresCode: true }));
    const tooMany = await rejectionOf(api.generateCodes(p.id, 1001, 'X'));
    const badPrefix = await rejectionOf(api.generateCodes(p.id, 1, 'no-dash'));

    expect(tooMany.details).toEqual([expect.objectContaining({ field: 'count' })]);
    expect(badPrefix.details).toEqual([expect.objectContaining({ field: 'prefix' })]);
    expect((await api.listCodes(p.id)).total).toBe(0);
  });
});
