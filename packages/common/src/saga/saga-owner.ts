// Who drives a saga: each orchestrator instance holds a session-level advisory lock on its own owner id over a
// dedicated connection. Postgres drops the lock with the session, so a crashed instance's sagas are free to
// resume at once, without a lease to wait out or a heartbeat to keep.
import { randomInt } from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';
import type { Logger } from '../logger/logger.js';

/** First key of the two-key advisory lock: the namespace of saga owners ('SAGO'). */
export const SAGA_OWNER_LOCK_CLASS = 0x5341474f;

/**
 * SQL true when the owner of saga row `alias` is a live session. pg_locks lists every session's advisory
 * locks of the cluster, hence the database filter.
 */
export function ownerAliveSql(alias: string): string {
  return `EXISTS (SELECT 1 FROM pg_locks l
     WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 2
       AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND l.classid = ${SAGA_OWNER_LOCK_CLASS}::oid AND l.objid = ${alias}.owner_id::oid)`;
}

export class SagaOwner {
  private lost = false;

  private constructor(
    readonly id: number,
    private readonly client: pg.Client,
  ) {}

  /** Connects and takes a fresh owner id; ids are random and retried on the rare clash with a live one. */
  static async open(db: Knex, logger: Logger): Promise<SagaOwner> {
    const connection = (db.client as { config: { connection: string | pg.ClientConfig } }).config.connection;
    const config = typeof connection === 'string' ? { connectionString: connection } : { ...connection };
    const client = new pg.Client({ ...config, application_name: 'saga-owner' });
    let owner: SagaOwner | undefined;
    client.on('error', (err) => {
      // The lock is gone with the session: another instance may now resume our sagas. Our fenced writes
      // notice when it does; new sagas get a new owner.
      if (owner) owner.lost = true;
      logger.error({ err, owner_id: owner?.id }, 'saga owner session lost');
    });
    await client.connect();
    try {
      for (;;) {
        const id = randomInt(1, 2 ** 31 - 1);
        const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [SAGA_OWNER_LOCK_CLASS, id]);
        if (!rows[0]?.ok) continue;
        owner = new SagaOwner(id, client);
        return owner;
      }
    } catch (err) {
      await client.end().catch(() => {});
      throw err;
    }
  }

  get alive(): boolean {
    return !this.lost;
  }

  /** Ends the session, which releases the lock. */
  async close(): Promise<void> {
    this.lost = true;
    await this.client.end().catch(() => {});
  }
}
