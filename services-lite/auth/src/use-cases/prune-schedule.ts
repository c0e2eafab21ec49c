// Prunes expired credentials every hour while the service is up. This is the seam for the shared scheduler
// (@ecommerce/common/housekeeping): once auth runs one, main.ts registers `credentialPruningTask(db)` with it
// instead of calling `scheduleCredentialPruning`, and the timer here goes.
import type { HousekeepingTask } from '@ecommerce/common/housekeeping';
import type { Logger } from '@ecommerce/common/logger';
import type { Knex } from 'knex';
import { pruneExpiredCredentials } from './housekeeping.js';

export const PRUNE_INTERVAL_MS = 3_600_000;

/** The pruning as a housekeeping task: its count is every row removed. */
export function credentialPruningTask(db: Knex): HousekeepingTask {
  return {
    name: 'prune-credentials',
    async run() {
      const counts = await pruneExpiredCredentials(db);
      return counts.revokedJtis + counts.refreshTokens + counts.oneTimeTokens;
    },
  };
}

/** Runs `task` on an unref'd timer (it never keeps the process alive); returns its stop, for ctx.onStop. */
export function scheduleCredentialPruning(task: HousekeepingTask, logger: Logger, intervalMs = PRUNE_INTERVAL_MS): () => void {
  const timer = setInterval(() => {
    task.run().then(
      (removed) => logger.debug({ task: task.name, removed }, 'pruned expired credentials'),
      (err: unknown) => logger.warn({ err, task: task.name }, 'pruning expired credentials failed'),
    );
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
