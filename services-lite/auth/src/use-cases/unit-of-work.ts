// The auth service's unit of work: a use case's writes and the auth.account events it decides commit together
// (the outbox row is written in the same transaction), and auth may record only its own event types.
import { serviceUnitOfWork, type EmittableBy, type KnexUnitOfWork, type EventRecorder, type UnitOfWork } from '@ecommerce/common/events';
import { eventCatalog, type EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Knex } from 'knex';

export type AuthEventType = EmittableBy<EventCatalog, 'auth'>;
export type AuthUnitOfWork = UnitOfWork<EventCatalog, AuthEventType>;
export type AuthEvents = EventRecorder<EventCatalog, AuthEventType>;

/** One per service: the event consumer and the use cases must share it, so a handler's use case joins its inbox transaction. */
export function createAuthUnitOfWork(db: Knex): KnexUnitOfWork<EventCatalog, AuthEventType> {
  return serviceUnitOfWork({ db, catalog: eventCatalog, service: 'auth' });
}
