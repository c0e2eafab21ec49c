// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { CAMPAIGN_REPOSITORY, CLOCK, CODE_REPOSITORY, PROMOTION_REPOSITORY, UNIT_OF_WORK, USAGE_REPOSITORY } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexCampaignRepository } from './knex-campaign-repository.js';
import { KnexCodeRepository } from './knex-code-repository.js';
import { KnexPromotionRepository } from './knex-promotion-repository.js';
import { KnexUsageRepository } from './knex-usage-repository.js';
import { SystemClock } from './system-clock.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(PROMOTION_REPOSITORY).to(KnexPromotionRepository).inSingletonScope();
  bind(CAMPAIGN_REPOSITORY).to(KnexCampaignRepository).inSingletonScope();
  bind(CODE_REPOSITORY).to(KnexCodeRepository).inSingletonScope();
  bind(USAGE_REPOSITORY).to(KnexUsageRepository).inSingletonScope();
  bind(CLOCK).to(SystemClock).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'promotion' }))
    .inSingletonScope();
});
