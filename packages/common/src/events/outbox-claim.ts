// The relay's claim: one short statement that leases pending rows to this relay (next_attempt_at = now() + lease),
// taken with SKIP LOCKED so relays share the work, minus any row whose key has an older unsent row this claim does
// not take (leased to another relay, waiting for a retry, or just skipped), so per-key order survives several
// relays. Publishing happens after this statement commits, outside any transaction; a relay that dies leaves its
// rows leased, and another relay claims them again once the lease has run out.
import type { Knex } from 'knex';
import type { CloudEvent } from './cloud-event.js';
import { OUTBOX_TABLE } from './outbox.js';

export interface ClaimedRow {
  id: string;
  topic: string;
  event_key: string;
  envelope: CloudEvent;
  attempts: number;
}

/** `fresh`: never tried (the relay's path); `retry`: failed before and due again (the sweeper's). */
export type ClaimMode = 'fresh' | 'retry';

// next_attempt_at is the time before which no relay takes the row: a failed row's backoff, or a claimed row's lease.
const DUE: Record<ClaimMode, string> = {
  fresh: 'attempts = 0 AND (next_attempt_at IS NULL OR next_attempt_at <= now())',
  retry: 'attempts > 0 AND next_attempt_at <= now()',
};

/** Leases up to `limit` due rows for `leaseMs`; returns them in id (so per-key) order. */
export async function claimPending(db: Knex, mode: ClaimMode, limit: number, leaseMs: number): Promise<ClaimedRow[]> {
  const { rows } = await db.raw<{ rows: ClaimedRow[] }>(
    `WITH candidate AS (
       SELECT id FROM ${OUTBOX_TABLE}
        WHERE sent_at IS NULL AND ${DUE[mode]}
        ORDER BY id
        LIMIT ?
        FOR UPDATE SKIP LOCKED
     ), claimable AS (
       SELECT o.id FROM ${OUTBOX_TABLE} o JOIN candidate c ON c.id = o.id
        WHERE NOT EXISTS (
          SELECT 1 FROM ${OUTBOX_TABLE} p
           WHERE p.sent_at IS NULL AND p.topic = o.topic AND p.event_key = o.event_key AND p.id < o.id
             AND p.id NOT IN (SELECT id FROM candidate))
     )
     UPDATE ${OUTBOX_TABLE} o SET next_attempt_at = now() + make_interval(secs => ?)
       FROM claimable c
      WHERE o.id = c.id
     RETURNING o.id, o.topic, o.event_key, o.envelope, o.attempts`,
    [limit, leaseMs / 1000],
  );
  return rows.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}
