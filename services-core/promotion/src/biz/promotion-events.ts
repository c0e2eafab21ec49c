// The integration events the use cases decide, built from the aggregates (payloads as in proto/events/v1/promotion.proto).
import type { Campaign } from './campaign.js';
import type { PromotionEvents } from './ports.js';
import type { Promotion } from './promotion.js';
import type { UsageReservation } from './usage.js';

const promotionSnapshot = (p: Promotion) => ({
  id: p.id,
  name: p.name,
  campaignId: p.campaignId ?? '',
  requiresCode: p.requiresCode,
  discountType: p.discountType,
  status: p.status,
  startTime: p.startsAt ?? undefined,
  endTime: p.endsAt ?? undefined,
  updateTime: p.updatedAt,
});

const campaignSnapshot = (c: Campaign) => ({
  id: c.id,
  name: c.name,
  status: c.status,
  startTime: c.startsAt ?? undefined,
  endTime: c.endsAt ?? undefined,
  updateTime: c.updatedAt,
});

const usageData = (r: UsageReservation) => ({
  reference: r.reference,
  customerId: r.customerId,
  lines: r.lines.map((l) => ({ promotionId: l.promotionId, code: l.code, amountMinor: l.amountMinor })),
});

export const promotionEvents = {
  promotion(events: PromotionEvents, verb: 'created' | 'updated' | 'activated' | 'deactivated', p: Promotion): void {
    events.record(`promotion.promotion.${verb}`, { subject: p.id, data: { promotion: promotionSnapshot(p) } });
  },
  codesGenerated(events: PromotionEvents, promotionId: string, batchId: string, count: number): void {
    events.record('promotion.promotion.codes_generated', { subject: promotionId, data: { promotionId, batchId, count } });
  },
  campaign(events: PromotionEvents, verb: 'created' | 'updated' | 'activated' | 'deactivated', c: Campaign): void {
    events.record(`promotion.campaign.${verb}`, { subject: c.id, data: { campaign: campaignSnapshot(c) } });
  },
  usage(events: PromotionEvents, verb: 'reserved' | 'committed' | 'released', r: UsageReservation): void {
    events.record(`promotion.usage.${verb}`, { subject: r.reference, data: usageData(r) });
  },
};
