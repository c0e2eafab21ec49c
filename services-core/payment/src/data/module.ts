// Knex implementations of biz's storage ports and the unit of work (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { PAYMENT_REPOSITORY, TRANSACTION_REPOSITORY, UNIT_OF_WORK, WEBHOOK_EVENT_REPOSITORY } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexPaymentRepository } from './knex-payment-repository.js';
import { KnexTransactionRepository } from './knex-transaction-repository.js';
import { KnexWebhookEventRepository } from './knex-webhook-event-repository.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(PAYMENT_REPOSITORY).to(KnexPaymentRepository).inSingletonScope();
  bind(TRANSACTION_REPOSITORY).to(KnexTransactionRepository).inSingletonScope();
  bind(WEBHOOK_EVENT_REPOSITORY).to(KnexWebhookEventRepository).inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'payment' }))
    .inSingletonScope();
});
