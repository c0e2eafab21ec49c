// The effect that the fault tests' consumers apply, in a child process or in the test: one row per handled
// event in svc.effects, behind the inbox. The table has no unique key on purpose: a second application of an
// event must show up as a second row, not be hidden by a constraint violation and a retry.
import type { Knex } from 'knex';
import type { EventHandler } from '../../../src/events/consumer.js';
import { idempotentHandler } from '../../../src/events/inbox.js';

export const CREATE_EFFECTS_TABLE = 'CREATE TABLE svc.effects (event_id text NOT NULL, seq integer NOT NULL)';

export function effectHandler(db: Knex, group: string): EventHandler {
  return idempotentHandler(db, group, async (event, trx) => {
    await trx('effects').insert({ event_id: event.id, seq: (event.data as { seq: number }).seq });
  });
}

/** How many effect rows each of `eventIds` has; an id with no row is absent from the map. */
export async function effectCounts(db: Knex, eventIds: string[]): Promise<Map<string, number>> {
  const rows: Array<{ event_id: string; n: number }> = await db('effects')
    .whereIn('event_id', eventIds)
    .groupBy('event_id')
    .select('event_id', db.raw('count(*)::int AS n'));
  return new Map(rows.map((r) => [r.event_id, r.n]));
}

/** Ids among `eventIds` with no effect, and ids with more than one: both must be empty. */
export async function lostAndDoubled(db: Knex, eventIds: string[]): Promise<{ lost: string[]; doubled: string[] }> {
  const counts = await effectCounts(db, eventIds);
  return {
    lost: eventIds.filter((id) => !counts.has(id)),
    doubled: eventIds.filter((id) => (counts.get(id) ?? 0) > 1),
  };
}
