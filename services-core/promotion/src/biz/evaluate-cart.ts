// EvaluateCart: reads the promotions a cart could get (automatic ones and those behind its codes) with their
// counters, and lets the pure stacking rules decide. Writes nothing.
import { inject, injectable } from 'inversify';
import type { Cart, CartEvaluation, RefusedCode } from './cart.js';
import { normalizeCode } from './code.js';
import type { Candidate } from './eligibility.js';
import { CAMPAIGN_REPOSITORY, CLOCK, CODE_REPOSITORY, PROMOTION_REPOSITORY, USAGE_REPOSITORY, type CampaignRepository, type Clock, type CodeRepository, type PromotionRepository, type UsageRepository } from './ports.js';
import { evaluateCandidates } from './stacking.js';

@injectable()
export class EvaluateCartUseCase {
  constructor(
    @inject(PROMOTION_REPOSITORY) private readonly promotions: PromotionRepository,
    @inject(CAMPAIGN_REPOSITORY) private readonly campaigns: CampaignRepository,
    @inject(CODE_REPOSITORY) private readonly codes: CodeRepository,
    @inject(USAGE_REPOSITORY) private readonly usage: UsageRepository,
    @inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute(cart: Cart): Promise<CartEvaluation> {
    const typed = [...new Set(cart.codes.map(normalizeCode))];
    const [automatic, found] = await Promise.all([this.promotions.listActiveAutomatic(), this.codes.findWithPromotions(typed)]);
    const refused: RefusedCode[] = typed.filter((c) => !found.some((f) => f.code.code === c)).map((code) => ({ code, reason: 'unknown code' }));
    const promotionsById = new Map([...automatic, ...found.map((f) => f.promotion)].map((p) => [p.id, p]));
    const campaignIds = [...new Set([...promotionsById.values()].flatMap((p) => (p.campaignId ? [p.campaignId] : [])))];
    const [campaigns, customer] = await Promise.all([
      campaignIds.length > 0 ? this.campaigns.findByIds(campaignIds) : [],
      cart.customerId ? this.usage.customerUses(cart.customerId, [...promotionsById.keys()], campaignIds) : undefined,
    ]);
    const campaignsById = new Map(campaigns.map((c) => [c.id, c]));
    const candidate = (promotionId: string, code: Candidate['code']): Candidate => {
      const promotion = promotionsById.get(promotionId)!;
      return {
        promotion,
        code,
        campaign: promotion.campaignId ? (campaignsById.get(promotion.campaignId) ?? null) : null,
        customerPromotionUses: customer?.promotions.get(promotionId) ?? 0,
        customerCampaignUses: promotion.campaignId ? (customer?.campaigns.get(promotion.campaignId) ?? 0) : 0,
      };
    };
    const candidates = [...automatic.map((p) => candidate(p.id, null)), ...found.map((f) => candidate(f.promotion.id, f.code))];
    return evaluateCandidates({ ...cart, codes: typed }, candidates, refused, this.clock.now());
  }
}
