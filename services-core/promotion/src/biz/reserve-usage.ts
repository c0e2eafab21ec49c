// ReserveUsage (checkout saga): counts the applied promotions and codes against every limit in one transaction.
// Each counter moves by a conditional update under its row lock, in one global order (see usage.ts), so 20
// concurrent checkouts on a code with one use left yield exactly one reservation. Idempotent by reference.
import { inject, injectable } from 'inversify';
import { FailedPreconditionError, type FieldViolation } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import type { AppliedPromotion } from './cart.js';
import { normalizeCode } from './code.js';
import { promotionEvents } from './promotion-events.js';
import {
  CAMPAIGN_REPOSITORY, CLOCK, CODE_REPOSITORY, PROMOTION_REPOSITORY, UNIT_OF_WORK, USAGE_REPOSITORY,
  type CampaignRepository, type Clock, type CodeRepository, type PromotionRepository, type PromotionUnitOfWork, type UsageRepository,
} from './ports.js';
import { counterChanges, type UsageLine, type UsageReservation, type UsageStatus } from './usage.js';

export interface ReserveUsageInput {
  reference: string;
  customerId: string;
  applied: AppliedPromotion[];
}

/** Per-customer limits by promotion and campaign id, as read with the applied promotions (0 = none). */
interface PerCustomerLimits {
  promotions: Map<string, number>;
  campaigns: Map<string, number>;
}

@injectable()
export class ReserveUsageUseCase {
  constructor(
    @inject(PROMOTION_REPOSITORY) private readonly promotions: PromotionRepository,
    @inject(CAMPAIGN_REPOSITORY) private readonly campaigns: CampaignRepository,
    @inject(CODE_REPOSITORY) private readonly codes: CodeRepository,
    @inject(USAGE_REPOSITORY) private readonly usage: UsageRepository,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(UNIT_OF_WORK) private readonly uow: PromotionUnitOfWork,
  ) {}

  execute(input: ReserveUsageInput): Promise<{ reference: string; status: UsageStatus }> {
    return this.uow.run(async (tx, events) => {
      // A concurrent call with the same reference waits here on the primary key until this one commits or rolls back.
      if (!(await this.usage.insertReservation(tx, input.reference, input.customerId))) {
        const existing = await this.usage.lockReservation(tx, input.reference);
        return { reference: input.reference, status: existing!.status };
      }
      const { lines, limits } = await this.validLines(tx, input.applied);
      await this.count(tx, input.customerId, lines, limits);
      await this.usage.insertLines(tx, input.reference, lines);
      const reservation: UsageReservation = { reference: input.reference, customerId: input.customerId, status: 'reserved', lines };
      promotionEvents.usage(events, 'reserved', reservation);
      return { reference: input.reference, status: 'reserved' as const };
    });
  }

  /** Every applied promotion must exist, be live, and be reached through one of its own codes when it needs one. */
  private async validLines(tx: Transaction, applied: AppliedPromotion[]): Promise<{ lines: UsageLine[]; limits: PerCustomerLimits }> {
    const promotions = new Map((await this.promotions.findByIds(applied.map((a) => a.promotionId), tx)).map((p) => [p.id, p]));
    const codes = new Map((await this.codes.findByCodes(applied.map((a) => normalizeCode(a.code)).filter(Boolean), tx)).map((c) => [c.code, c]));
    const campaigns = new Map((await this.campaigns.findByIds([...promotions.values()].flatMap((p) => (p.campaignId ? [p.campaignId] : [])), tx)).map((c) => [c.id, c]));
    const now = this.clock.now();
    const lines = applied.map((a, i) => {
      const code = normalizeCode(a.code);
      const refuse = (field: string, why: string): never => {
        const v: FieldViolation = { field: `applied[${i}].${field}`, message: why };
        throw new FailedPreconditionError(`${code ? `code ${code}` : `promotion ${a.promotionId}`}: ${why}`, [v]);
      };
      const promotion = promotions.get(a.promotionId) ?? refuse('promotion_id', 'no such promotion');
      if (code && codes.get(code)?.promotionId !== promotion.id) refuse('code', 'not a code of this promotion');
      if (!code && promotion.requiresCode) refuse('code', 'this promotion requires a code');
      const campaign = promotion.campaignId ? campaigns.get(promotion.campaignId) : undefined;
      const live = (w: { status: string; startsAt: Date | null; endsAt: Date | null }) =>
        w.status === 'active' && (!w.startsAt || w.startsAt <= now) && (!w.endsAt || now < w.endsAt);
      if (!live(promotion) || (campaign && !live(campaign))) refuse('promotion_id', 'the promotion is not active now');
      return { promotionId: promotion.id, campaignId: promotion.campaignId, code, amountMinor: a.amountMinor };
    });
    const limits: PerCustomerLimits = {
      promotions: new Map([...promotions.values()].map((p) => [p.id, p.usageLimitPerCustomer])),
      campaigns: new Map([...campaigns.values()].map((c) => [c.id, c.usesPerCustomer])),
    };
    return { lines, limits };
  }

  private async count(tx: Transaction, customerId: string, lines: UsageLine[], limits: PerCustomerLimits): Promise<void> {
    const changes = counterChanges(lines);
    const limitReached = (what: string): never => {
      throw new FailedPreconditionError(`${what} has reached its usage limit`, [{ field: 'applied', message: `${what} has reached its usage limit` }]);
    };
    const codeOf = (promotionId: string) => lines.find((l) => l.promotionId === promotionId)?.code;
    const named = (promotionId: string) => (codeOf(promotionId) ? `code ${codeOf(promotionId)}` : `promotion ${promotionId}`);
    for (const code of changes.codes) if (!(await this.usage.changeCodeUses(tx, code, 1))) limitReached(`code ${code}`);
    for (const id of changes.promotions) if (!(await this.usage.changePromotionUses(tx, id, 1))) limitReached(named(id));
    for (const c of changes.campaigns) {
      if (!(await this.usage.changeCampaignUsage(tx, c.id, c.uses, c.amountMinor))) {
        limitReached(`campaign ${c.id} (${lines.filter((l) => l.campaignId === c.id).map((l) => named(l.promotionId)).join(', ')})`);
      }
    }
    // Guests have no per-customer counters; the checkout decides whether guests may use such promotions.
    if (!customerId) return;
    for (const id of changes.promotions) {
      if (!(await this.usage.changeCustomerUses(tx, 'promotion', id, customerId, 1, limits.promotions.get(id)!))) limitReached(`${named(id)} for this customer`);
    }
    for (const c of changes.campaigns) {
      if (!(await this.usage.changeCustomerUses(tx, 'campaign', c.id, customerId, c.uses, limits.campaigns.get(c.id)!))) limitReached(`campaign ${c.id} for this customer`);
    }
  }
}
