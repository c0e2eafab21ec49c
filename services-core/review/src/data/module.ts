// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { PURCHASE_REPOSITORY, RATING_REPOSITORY, REVIEW_REPOSITORY, UNIT_OF_WORK, VOTE_REPOSITORY } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexPurchaseRepository } from './knex-purchase-repository.js';
import { KnexRatingRepository } from './knex-rating-repository.js';
import { KnexReviewRepository } from './knex-review-repository.js';
import { KnexVoteRepository } from './knex-vote-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(REVIEW_REPOSITORY).to(KnexReviewRepository).inSingletonScope();
  bind(VOTE_REPOSITORY).to(KnexVoteRepository).inSingletonScope();
  bind(RATING_REPOSITORY).to(KnexRatingRepository).inSingletonScope();
  bind(PURCHASE_REPOSITORY).to(KnexPurchaseRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'review' }))
    .inSingletonScope();
});
