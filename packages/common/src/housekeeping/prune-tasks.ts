// The built-in housekeeping tasks: each prunes what one of the kit's tables no longer needs.
import type { Knex } from 'knex';
import { pruneInbox } from '../events/inbox.js';
import type { OutboxRelay } from '../events/outbox-relay.js';
import type { IdempotencyStore } from '../idempotency/idempotency-store.js';
import { pruneFinishedSagas } from '../saga/saga-prune.js';
import type { HousekeepingTask } from './housekeeping.js';

const DAY_MS = 24 * 3_600_000;

/** Inbox rows older than `retentionMs` (default 7 days): keep it longer than any redelivery can lag. */
export function pruneInboxTask(db: Knex, retentionMs = 7 * DAY_MS): HousekeepingTask {
  return { name: 'prune-inbox', run: () => pruneInbox(db, retentionMs) };
}

/**
 * Outbox rows sent longer ago than the relay's `retentionMs` (default 7 days); unsent rows stay. The relay's own
 * prune, so the two never disagree on what may go (`startServiceEvents(...).relay`).
 */
export function pruneOutboxTask(relay: Pick<OutboxRelay, 'prune'>): HousekeepingTask {
  return { name: 'prune-outbox', run: () => relay.prune() };
}

/** Idempotency keys past their TTL. */
export function pruneIdempotencyKeysTask(store: IdempotencyStore): HousekeepingTask {
  return { name: 'prune-idempotency-keys', run: () => store.prune() };
}

/** Completed and compensated sagas that ended more than `retentionMs` ago (default 30 days); failed ones stay. */
export function pruneFinishedSagasTask(db: Knex, retentionMs = 30 * DAY_MS): HousekeepingTask {
  return { name: 'prune-finished-sagas', run: () => pruneFinishedSagas(db, retentionMs) };
}
