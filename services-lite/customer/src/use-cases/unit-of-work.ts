// The customer service's unit of work: a use case's writes and the customer.* events it decides commit
// together (the outbox row is written in the same transaction); customer may record only its own event types.
import { serviceUnitOfWork, type EmittableBy, type KnexUnitOfWork, type EventRecorder, type UnitOfWork } from '@ecommerce/common/events';
import { eventCatalog, type EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Knex } from 'knex';

export type CustomerEventType = EmittableBy<EventCatalog, 'customer'>;
export type CustomerUnitOfWork = UnitOfWork<EventCatalog, CustomerEventType>;
export type CustomerEvents = EventRecorder<EventCatalog, CustomerEventType>;

/** One per service: the event consumer and the use cases must share it, so a handler's use case joins its inbox transaction. */
export function createCustomerUnitOfWork(db: Knex): KnexUnitOfWork<EventCatalog, CustomerEventType> {
  return serviceUnitOfWork({ db, catalog: eventCatalog, service: 'customer' });
}
