// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { ROLE_REPOSITORY, UNIT_OF_WORK, USER_REPOSITORY } from '../biz/repositories.js';
import { TOKENS } from '../tokens.js';
import { KnexRoleRepository } from './knex-role-repository.js';
import { KnexUserRepository } from './knex-user-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(USER_REPOSITORY).to(KnexUserRepository).inSingletonScope();
  bind(ROLE_REPOSITORY).to(KnexRoleRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'user' }))
    .inSingletonScope();
});
