// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { EXAMPLE_REPOSITORY, UNIT_OF_WORK } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexExampleRepository } from './knex-example-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(EXAMPLE_REPOSITORY).to(KnexExampleRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'notification' }))
    .inSingletonScope();
});
