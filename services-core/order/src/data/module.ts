// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { CART_REPOSITORY, ORDER_REPOSITORY, UNIT_OF_WORK } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexCartRepository } from './knex-cart-repository.js';
import { KnexOrderRepository } from './knex-order-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(CART_REPOSITORY).to(KnexCartRepository).inSingletonScope();
  bind(ORDER_REPOSITORY).to(KnexOrderRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'order' }))
    .inSingletonScope();
});
