// Knex implementations of biz's ports (the Knex instance and the clock are bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import {
  LOCATION_REPOSITORY,
  MOVEMENT_REPOSITORY,
  RESERVATION_REPOSITORY,
  STOCK_ITEM_REPOSITORY,
  STOCK_LEVEL_REPOSITORY,
  UNIT_OF_WORK,
} from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexLocationRepository } from './knex-location-repository.js';
import { KnexMovementRepository } from './knex-movement-repository.js';
import { KnexReservationRepository } from './knex-reservation-repository.js';
import { KnexStockItemRepository } from './knex-stock-item-repository.js';
import { KnexStockLevelRepository } from './knex-stock-level-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(LOCATION_REPOSITORY).to(KnexLocationRepository).inSingletonScope();
  bind(STOCK_ITEM_REPOSITORY).to(KnexStockItemRepository).inSingletonScope();
  bind(STOCK_LEVEL_REPOSITORY).to(KnexStockLevelRepository).inSingletonScope();
  bind(MOVEMENT_REPOSITORY).to(KnexMovementRepository).inSingletonScope();
  bind(RESERVATION_REPOSITORY).to(KnexReservationRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'warehouse' }))
    .inSingletonScope();
});
