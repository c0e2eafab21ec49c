// Staff use cases on promotions: define, redefine, switch on and off, read.
import { inject, injectable } from 'inversify';
import { FailedPreconditionError, ValidationError } from '@ecommerce/common/errors';
import type { Transaction } from '@ecommerce/common/events';
import { promotionEvents } from './promotion-events.js';
import {
  CAMPAIGN_REPOSITORY, CLOCK, PROMOTION_REPOSITORY, UNIT_OF_WORK,
  type CampaignRepository, type Clock, type Page, type PageRequest, type PromotionRepository, type PromotionUnitOfWork,
} from './ports.js';
import { definitionViolations, normalizeDefinition, type ActivationStatus, type Promotion, type PromotionDefinition } from './promotion.js';

@injectable()
export class ManagePromotionsUseCase {
  constructor(
    @inject(PROMOTION_REPOSITORY) private readonly promotions: PromotionRepository,
    @inject(CAMPAIGN_REPOSITORY) private readonly campaigns: CampaignRepository,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(UNIT_OF_WORK) private readonly uow: PromotionUnitOfWork,
  ) {}

  create(definition: PromotionDefinition): Promise<Promotion> {
    const clean = this.validated(definition);
    return this.uow.run(async (tx, events) => {
      await this.assertCampaignExists(tx, clean.campaignId);
      const promotion = await this.promotions.create(tx, clean);
      promotionEvents.promotion(events, 'created', promotion);
      return promotion;
    });
  }

  update(id: string, definition: PromotionDefinition): Promise<Promotion> {
    const clean = this.validated(definition);
    return this.uow.run(async (tx, events) => {
      await this.assertCampaignExists(tx, clean.campaignId);
      const promotion = await this.promotions.update(tx, id, clean);
      promotionEvents.promotion(events, 'updated', promotion);
      return promotion;
    });
  }

  /** Activating an ended promotion is refused; switching to the current status changes nothing and emits nothing. */
  setStatus(id: string, status: ActivationStatus): Promise<Promotion> {
    return this.uow.run(async (tx, events) => {
      const current = await this.promotions.get(id, tx, true);
      if (current.status === status) return current;
      if (status === 'active' && current.endsAt && current.endsAt <= this.clock.now()) {
        throw new FailedPreconditionError(`promotion ${id} ended at ${current.endsAt.toISOString()} and cannot be activated`);
      }
      const promotion = await this.promotions.setStatus(tx, id, status);
      promotionEvents.promotion(events, status === 'active' ? 'activated' : 'deactivated', promotion);
      return promotion;
    });
  }

  get(id: string): Promise<Promotion> {
    return this.promotions.get(id);
  }

  list(filter: { status?: ActivationStatus; campaignId?: string }, page: PageRequest): Promise<Page<Promotion>> {
    return this.promotions.list(filter, page);
  }

  private validated(definition: PromotionDefinition): PromotionDefinition {
    const violations = definitionViolations(definition, 'promotion.');
    if (violations.length > 0) throw new ValidationError(violations);
    return normalizeDefinition(definition);
  }

  private async assertCampaignExists(tx: Transaction, campaignId: string | null): Promise<void> {
    if (campaignId === null) return;
    const [found] = await this.campaigns.findByIds([campaignId], tx);
    if (!found) throw new ValidationError([{ field: 'promotion.campaign_id', message: `no campaign ${campaignId}` }]);
  }
}
