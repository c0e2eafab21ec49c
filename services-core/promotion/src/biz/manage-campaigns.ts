// Staff use cases on campaigns: define, redefine, switch on and off, read.
import { inject, injectable } from 'inversify';
import { FailedPreconditionError, ValidationError } from '@ecommerce/common/errors';
import { campaignViolations, type Campaign, type CampaignDefinition } from './campaign.js';
import { promotionEvents } from './promotion-events.js';
import { CAMPAIGN_REPOSITORY, CLOCK, UNIT_OF_WORK, type CampaignRepository, type Clock, type Page, type PageRequest, type PromotionUnitOfWork } from './ports.js';
import type { ActivationStatus } from './promotion.js';

@injectable()
export class ManageCampaignsUseCase {
  constructor(
    @inject(CAMPAIGN_REPOSITORY) private readonly campaigns: CampaignRepository,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(UNIT_OF_WORK) private readonly uow: PromotionUnitOfWork,
  ) {}

  create(definition: CampaignDefinition): Promise<Campaign> {
    const clean = validated(definition);
    return this.uow.run(async (tx, events) => {
      const campaign = await this.campaigns.create(tx, clean);
      promotionEvents.campaign(events, 'created', campaign);
      return campaign;
    });
  }

  update(id: string, definition: CampaignDefinition): Promise<Campaign> {
    const clean = validated(definition);
    return this.uow.run(async (tx, events) => {
      const campaign = await this.campaigns.update(tx, id, clean);
      promotionEvents.campaign(events, 'updated', campaign);
      return campaign;
    });
  }

  setStatus(id: string, status: ActivationStatus): Promise<Campaign> {
    return this.uow.run(async (tx, events) => {
      const current = await this.campaigns.get(id, tx, true);
      if (current.status === status) return current;
      if (status === 'active' && current.endsAt && current.endsAt <= this.clock.now()) {
        throw new FailedPreconditionError(`campaign ${id} ended at ${current.endsAt.toISOString()} and cannot be activated`);
      }
      const campaign = await this.campaigns.setStatus(tx, id, status);
      promotionEvents.campaign(events, status === 'active' ? 'activated' : 'deactivated', campaign);
      return campaign;
    });
  }

  get(id: string): Promise<Campaign> {
    return this.campaigns.get(id);
  }

  list(page: PageRequest): Promise<Page<Campaign>> {
    return this.campaigns.list(page);
  }
}

function validated(definition: CampaignDefinition): CampaignDefinition {
  const violations = campaignViolations(definition, 'campaign.');
  if (violations.length > 0) throw new ValidationError(violations);
  return { ...definition, name: definition.name.trim() };
}
