// The idempotency_keys table (template in migrations/README.md): the first request with a key claims it (the
// primary key makes concurrent duplicates lose), its answer is stored for replay, and the row expires after a TTL.
import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { AppError, FailedPreconditionError } from '../errors/app-error.js';

export const IDEMPOTENCY_TABLE = 'idempotency_keys';

/** What a replay answers: an HTTP status or gRPC code, and a JSON body. */
export interface StoredResponse {
  status: number;
  body: unknown;
}

export type IdempotencyClaim = { kind: 'execute'; token: string } | { kind: 'replay'; response: StoredResponse };

export interface IdempotencyStoreOptions {
  /** How long a key is remembered from its first use (default 24 h); after that it may be used afresh. */
  ttlMs?: number;
  /**
   * How long a claim may stay in progress before a retry may take it over (default 60 s): the claimant is
   * presumed dead. Keep it above the longest request; a slow claimant's answer is then not stored.
   */
  claimTimeoutMs?: number;
}

export const DEFAULT_IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export class IdempotencyKeyReusedError extends FailedPreconditionError {
  constructor(key: string) {
    super(`idempotency key ${JSON.stringify(key)} was already used for a different request; send a new key with a new request`);
  }
}

/** A duplicate of a request still running: retry after a moment to get its answer (409 / ABORTED). */
export class IdempotencyKeyInProgressError extends AppError {
  constructor(key: string) {
    super('aborted', `a request with idempotency key ${JSON.stringify(key)} is still in progress; retry shortly for its result`);
  }
}

interface KeyRow {
  request_hash: string;
  status: 'in_progress' | 'completed';
  response: StoredResponse | null;
}

export class IdempotencyStore {
  private readonly ttlSeconds: number;
  private readonly claimTimeoutSeconds: number;

  constructor(
    private readonly db: Knex,
    options: IdempotencyStoreOptions = {},
  ) {
    this.ttlSeconds = (options.ttlMs ?? DEFAULT_IDEMPOTENCY_TTL_MS) / 1000;
    this.claimTimeoutSeconds = (options.claimTimeoutMs ?? 60_000) / 1000;
  }

  /**
   * Claims `key` for `caller`'s request, or answers what is known about it: its stored response to replay, or an
   * error when the key names another request (IdempotencyKeyReusedError) or is still running (...InProgressError).
   */
  async claim(caller: string, key: string, requestHash: string): Promise<IdempotencyClaim> {
    for (;;) {
      const token = randomUUID();
      // A new key is inserted; an expired one, or an abandoned claim of this very request, is taken over.
      const { rows } = await this.db.raw<{ rows: unknown[] }>(
        `INSERT INTO ${IDEMPOTENCY_TABLE} AS k (caller, idempotency_key, request_hash, claim_token, expires_at)
         VALUES (?, ?, ?, ?, now() + make_interval(secs => ?))
         ON CONFLICT (caller, idempotency_key) DO UPDATE
           SET request_hash = EXCLUDED.request_hash, claim_token = EXCLUDED.claim_token, status = 'in_progress',
               response = NULL, created_at = now(), claimed_at = now(), completed_at = NULL, expires_at = EXCLUDED.expires_at
         WHERE k.expires_at <= now()
            OR (k.status = 'in_progress' AND k.request_hash = EXCLUDED.request_hash
                AND k.claimed_at <= now() - make_interval(secs => ?))
         RETURNING 1`,
        [caller, key, requestHash, token, this.ttlSeconds, this.claimTimeoutSeconds],
      );
      if (rows.length > 0) return { kind: 'execute', token };
      const row: KeyRow | undefined = await this.db(IDEMPOTENCY_TABLE).where({ caller, idempotency_key: key }).first('request_hash', 'status', 'response');
      if (!row) continue; // abandoned or pruned in between: claim afresh
      if (row.request_hash !== requestHash) throw new IdempotencyKeyReusedError(key);
      if (row.status === 'completed' && row.response) return { kind: 'replay', response: row.response };
      throw new IdempotencyKeyInProgressError(key);
    }
  }

  /** Stores the answer to replay; false when the claim was taken over meanwhile (the other run's answer wins). */
  async complete(caller: string, key: string, token: string, response: StoredResponse): Promise<boolean> {
    const updated = await this.db(IDEMPOTENCY_TABLE)
      .where({ caller, idempotency_key: key, claim_token: token })
      .update({ status: 'completed', response: JSON.stringify(response), completed_at: this.db.fn.now() });
    return updated > 0;
  }

  /** Forgets the claim (the request failed in a way worth retrying), so the next request with the key runs. */
  async abandon(caller: string, key: string, token: string): Promise<void> {
    await this.db(IDEMPOTENCY_TABLE).where({ caller, idempotency_key: key, claim_token: token, status: 'in_progress' }).delete();
  }

  /** Deletes expired keys; returns how many. Housekeeping calls it. */
  async prune(): Promise<number> {
    return this.db(IDEMPOTENCY_TABLE).where('expires_at', '<=', this.db.fn.now()).delete();
  }
}
