// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { CONTACT_REPOSITORY, NOTIFICATION_REPOSITORY, PREFERENCE_REPOSITORY, UNIT_OF_WORK } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexContactRepository } from './knex-contact-repository.js';
import { KnexNotificationRepository } from './knex-notification-repository.js';
import { KnexPreferenceRepository } from './knex-preference-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(CONTACT_REPOSITORY).to(KnexContactRepository).inSingletonScope();
  bind(PREFERENCE_REPOSITORY).to(KnexPreferenceRepository).inSingletonScope();
  bind(NOTIFICATION_REPOSITORY).to(KnexNotificationRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'notification' }))
    .inSingletonScope();
});
