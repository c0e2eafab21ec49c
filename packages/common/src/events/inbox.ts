// Consuming side: the inbox records each processed event id per consumer group, in the same
// transaction as the handler's effect, so a redelivered event has no second effect.
import type { Knex } from 'knex';
import type { CloudEvent } from './cloud-event.js';
import type { DeliveryInfo, EventHandler } from './consumer.js';

export const INBOX_TABLE = 'inbox_events';

export type TransactionalHandler = (event: CloudEvent, trx: Knex.Transaction, delivery: DeliveryInfo) => Promise<void>;

/**
 * Wraps `handler` so it runs at most once per event id for `group`: the inbox row and the handler's
 * writes commit together, and a duplicate finds the row and returns without calling the handler.
 */
export function idempotentHandler(db: Knex, group: string, handler: TransactionalHandler): EventHandler {
  return (event, delivery) =>
    db.transaction(async (trx) => {
      const inserted = await trx(INBOX_TABLE)
        .insert({ consumer_group: group, event_id: event.id, event_type: event.type })
        .onConflict(['consumer_group', 'event_id'])
        .ignore()
        .returning('event_id');
      if (inserted.length === 0) return; // already processed
      await handler(event, trx, delivery);
    });
}

/** Deletes inbox rows older than `retentionMs`; keep it longer than any redelivery can lag. */
export async function pruneInbox(db: Knex, retentionMs: number): Promise<number> {
  return db(INBOX_TABLE)
    .where('processed_at', '<', db.raw(`now() - make_interval(secs => ?)`, [retentionMs / 1000]))
    .delete();
}
