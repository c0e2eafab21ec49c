// Deletes credentials that can no longer be used, so the token tables do not grow without bound: revoked
// access-token ids past their expiry, expired refresh tokens, and single-use tokens that expired or were used
// more than a day ago (kept that long for support questions such as "was the reset link used?").
import type { Knex } from 'knex';

export interface PruneCounts {
  revokedJtis: number;
  refreshTokens: number;
  oneTimeTokens: number;
}

export async function pruneExpiredCredentials(db: Knex): Promise<PruneCounts> {
  const dayAgo = db.raw("now() - interval '1 day'");
  const [revokedJtis, refreshTokens, oneTimeTokens] = await Promise.all([
    db('revoked_access_tokens').where('expires_at', '<', db.fn.now()).delete(),
    db('refresh_tokens').where('expires_at', '<', db.fn.now()).delete(),
    db('one_time_tokens').where((q) => q.where('expires_at', '<', dayAgo).orWhere('used_at', '<', dayAgo)).delete(),
  ]);
  return { revokedJtis, refreshTokens, oneTimeTokens };
}
