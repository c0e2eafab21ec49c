// Deleting sagas that ended long enough ago (their step log goes with them); failed sagas are kept for an operator.
import type { Knex } from 'knex';
import { SAGA_TABLE } from './saga-store.js';

export async function pruneFinishedSagas(db: Knex, retentionMs: number): Promise<number> {
  return db(SAGA_TABLE)
    .whereIn('status', ['completed', 'compensated'])
    .where('finished_at', '<', db.raw(`now() - make_interval(secs => ?)`, [retentionMs / 1000]))
    .delete();
}
