// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { ACCOUNT_REPOSITORY, LEDGER_REPOSITORY, LOT_REPOSITORY, REDEMPTION_REPOSITORY, SPEND_REPOSITORY, UNIT_OF_WORK } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexAccountRepository } from './knex-account-repository.js';
import { KnexLedgerRepository } from './knex-ledger-repository.js';
import { KnexLotRepository } from './knex-lot-repository.js';
import { KnexRedemptionRepository } from './knex-redemption-repository.js';
import { KnexSpendRepository } from './knex-spend-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(ACCOUNT_REPOSITORY).to(KnexAccountRepository).inSingletonScope();
  bind(LEDGER_REPOSITORY).to(KnexLedgerRepository).inSingletonScope();
  bind(LOT_REPOSITORY).to(KnexLotRepository).inSingletonScope();
  bind(REDEMPTION_REPOSITORY).to(KnexRedemptionRepository).inSingletonScope();
  bind(SPEND_REPOSITORY).to(KnexSpendRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'loyalty' }))
    .inSingletonScope();
});
