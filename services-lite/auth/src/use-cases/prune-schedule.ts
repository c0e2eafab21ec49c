// Expired credentials (revoked access-token ids, refresh tokens, one-time tokens) as a task of the service's
// housekeeping scheduler (@ecommerce/common/housekeeping), which runs it with the inbox and outbox pruning.
import type { HousekeepingTask } from '@ecommerce/common/housekeeping';
import type { Knex } from 'knex';
import { pruneExpiredCredentials } from './housekeeping.js';

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
