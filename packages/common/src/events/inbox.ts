// Consuming side: the inbox records each processed event id per consumer group, in the same
// transaction as the handler's effect, so a redelivered event has no second effect.
import type { Knex } from 'knex';
import type { CloudEvent } from './cloud-event.js';
import type { DeliveryInfo, EventHandler } from './consumer.js';

export const INBOX_TABLE = 'inbox_events';

export type TransactionalHandler = (event: CloudEvent, trx: Knex.Transaction, delivery: DeliveryInfo) => Promise<void>;

/**
 * Wraps `handler` so it runs at most once per event id for `group`: the inbox row and the handler's
 * writes commit together, and a duplicate finds the row and returns without calling the handler. A batch of
 * events shares one transaction and one multi-row inbox insert, and is applied in order.
 */
export function idempotentHandler(db: Knex, group: string, handler: TransactionalHandler): EventHandler {
  const single: EventHandler = (event, delivery) =>
    db.transaction(async (trx) => {
      const fresh = await recordInInbox(trx, group, [event]);
      if (fresh.size === 0) return; // already processed
      await handler(event, trx, delivery);
    });
  single.batch = (items) =>
    db.transaction(async (trx) => {
      const fresh = await recordInInbox(trx, group, items.map((i) => i.event));
      for (const { event, delivery, within } of items) {
        // Deleted as it is applied: a copy of the same event later in the batch is a duplicate too.
        if (fresh.delete(event.id)) await within(() => handler(event, trx, delivery));
      }
    });
  return single;
}

/** Inserts the inbox rows of `events` in one statement; returns the ids that were new (not processed before). */
export async function recordInInbox(trx: Knex.Transaction, group: string, events: readonly CloudEvent[]): Promise<Set<string>> {
  if (events.length === 0) return new Set();
  const inserted: Array<{ event_id: string }> = await trx(INBOX_TABLE)
    .insert(events.map((e) => ({ consumer_group: group, event_id: e.id, event_type: e.type })))
    .onConflict(['consumer_group', 'event_id'])
    .ignore()
    .returning('event_id');
  return new Set(inserted.map((r) => r.event_id));
}

/** Deletes inbox rows older than `retentionMs`; keep it longer than any redelivery can lag. */
export async function pruneInbox(db: Knex, retentionMs: number): Promise<number> {
  return db(INBOX_TABLE)
    .where('processed_at', '<', db.raw(`now() - make_interval(secs => ?)`, [retentionMs / 1000]))
    .delete();
}
