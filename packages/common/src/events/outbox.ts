// Producing side of the transactional outbox: the event row is written in the caller's transaction,
// so it exists exactly when the state change does (no dual write). Table: see migrations/README.md.
import type { Knex } from 'knex';
import { assertCloudEvent, topicOfType, type CloudEvent } from './cloud-event.js';

export const OUTBOX_TABLE = 'outbox_events';

export interface OutboxOptions {
  /** Kafka key; defaults to the event's subject (the aggregate id), which keeps one entity's events in order. */
  key?: string;
  /** Defaults to the topic of the event type (`catalog.product.created` -> `catalog.product`). */
  topic?: string;
}

/** Records `event` for the relay inside `trx`; it is published only if `trx` commits. */
export async function publishInTransaction(trx: Knex.Transaction, event: CloudEvent, options: OutboxOptions = {}): Promise<void> {
  await publishAllInTransaction(trx, [event], options);
}

/** Several events of one change, published in the given order. */
export async function publishAllInTransaction(trx: Knex.Transaction, events: CloudEvent[], options: OutboxOptions = {}): Promise<void> {
  if (events.length === 0) return;
  const rows = events.map((event) => {
    assertCloudEvent(event);
    return {
      event_id: event.id,
      topic: options.topic ?? topicOfType(event.type),
      event_key: options.key ?? event.subject,
      event_type: event.type,
      envelope: JSON.stringify(event),
    };
  });
  await trx(OUTBOX_TABLE).insert(rows);
}
