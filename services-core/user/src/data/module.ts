import { ContainerModule } from 'inversify';
import { ROLE_REPOSITORY, USER_REPOSITORY } from '../biz/repositories.js';
import { KnexRoleRepository } from './knex-role-repository.js';
import { KnexUserRepository } from './knex-user-repository.js';

/** Knex implementations of biz's repositories (the Knex instance itself is bound by container.ts). */
export const dataModule = new ContainerModule(({ bind }) => {
  bind(USER_REPOSITORY).to(KnexUserRepository).inSingletonScope();
  bind(ROLE_REPOSITORY).to(KnexRoleRepository).inSingletonScope();
});
