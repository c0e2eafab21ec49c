// Knex implementations of biz's ports (the Knex instance itself, the clock and the carrier are bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { SHIPMENT_REPOSITORY, UNIT_OF_WORK, ZONE_REPOSITORY } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexShipmentRepository } from './knex-shipment-repository.js';
import { KnexZoneRepository } from './knex-zone-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(ZONE_REPOSITORY).to(KnexZoneRepository).inSingletonScope();
  bind(SHIPMENT_REPOSITORY).to(KnexShipmentRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'shipping' }))
    .inSingletonScope();
});
