// The relay's claim query: pending rows, locked with SKIP LOCKED so relays share the work, minus any
// row whose key has an older unsent row this claim does not hold, so per-key order survives several relays.
import type { Knex } from 'knex';
import type { CloudEvent } from './cloud-event.js';
import { OUTBOX_TABLE } from './outbox.js';

export interface ClaimedRow {
  id: number;
  topic: string;
  event_key: string;
  envelope: CloudEvent;
  attempts: number;
}

/** `fresh`: never tried (the relay's path); `retry`: failed before and due again (the sweeper's). */
export type ClaimMode = 'fresh' | 'retry';

const DUE: Record<ClaimMode, string> = {
  fresh: 'attempts = 0',
  retry: 'attempts > 0 AND next_attempt_at <= now()',
};

export async function claimPending(trx: Knex.Transaction, mode: ClaimMode, limit: number): Promise<ClaimedRow[]> {
  const { rows } = await trx.raw<{ rows: ClaimedRow[] }>(
    `WITH claimed AS (
       SELECT id FROM ${OUTBOX_TABLE}
        WHERE sent_at IS NULL AND ${DUE[mode]}
        ORDER BY id
        LIMIT ?
        FOR UPDATE SKIP LOCKED
     )
     SELECT o.id, o.topic, o.event_key, o.envelope, o.attempts
       FROM ${OUTBOX_TABLE} o JOIN claimed c ON c.id = o.id
      WHERE NOT EXISTS (
        SELECT 1 FROM ${OUTBOX_TABLE} p
         WHERE p.sent_at IS NULL AND p.topic = o.topic AND p.event_key = o.event_key AND p.id < o.id
           AND p.id NOT IN (SELECT id FROM claimed))
      ORDER BY o.id`,
    [limit],
  );
  return rows;
}
