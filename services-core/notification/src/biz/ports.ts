// What the use cases need: storage behind an interface, and the unit of work in which a use case's writes and
// the events it decides commit together. data/ implements these; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Example } from './example.js';

export interface ExampleRepository {
  create(tx: Transaction, name: string): Promise<Example>;
}

/** The service may emit its own event types only (`notification.*`). */
export type NotificationEventType = EmittableBy<EventCatalog, 'notification'>;
export type NotificationUnitOfWork = UnitOfWork<EventCatalog, NotificationEventType>;
export type NotificationEvents = EventRecorder<EventCatalog, NotificationEventType>;

export const EXAMPLE_REPOSITORY = Symbol.for('notification.ExampleRepository');
export const UNIT_OF_WORK = Symbol.for('notification.UnitOfWork');
