// The saga tables (template in migrations/README.md). Every write made while driving a saga is fenced: it
// commits only while the saga's row still names the writer as owner, so a taken-over instance stops writing.
import type { Knex } from 'knex';
import { AppError } from '../errors/app-error.js';
import { ownerAliveSql } from './saga-owner.js';

export const SAGA_TABLE = 'saga_instances';
export const SAGA_STEP_TABLE = 'saga_steps';

export type SagaStatus = 'running' | 'compensating' | 'completed' | 'compensated' | 'failed';
export type StepStatus = 'invoking' | 'done' | 'failed' | 'compensating' | 'compensated';

export interface SagaRow {
  saga_id: string;
  saga_name: string;
  status: SagaStatus;
  input: unknown;
  error: string | null;
  owner_id: number | null;
}

export interface StepRow {
  step_name: string;
  position: number;
  status: StepStatus;
  output: unknown;
}

/** Another instance resumed this saga (ours had lost its owner session); it carries on, we stop. */
export class SagaTakenOverError extends AppError {
  constructor(sagaId: string) {
    super('aborted', `saga ${sagaId} was taken over by another orchestrator instance`);
  }
}

const UNFINISHED = `status IN ('running', 'compensating')`;
const json = (value: unknown) => JSON.stringify(value ?? null);

export class SagaStore {
  constructor(private readonly db: Knex) {}

  /** The new row, or undefined when a saga with this id exists already. */
  async insert(sagaId: string, name: string, input: unknown, ownerId: number): Promise<SagaRow | undefined> {
    const rows = await this.db(SAGA_TABLE)
      .insert({ saga_id: sagaId, saga_name: name, input: json(input), owner_id: ownerId })
      .onConflict('saga_id')
      .ignore()
      .returning('*');
    return rows[0] as SagaRow | undefined;
  }

  async get(sagaId: string): Promise<SagaRow | undefined> {
    return this.db(SAGA_TABLE).where({ saga_id: sagaId }).first();
  }

  /** Takes an unfinished saga whose owner is gone (or is us, not driving it); undefined when a live owner has it. */
  async claim(sagaId: string, ownerId: number): Promise<SagaRow | undefined> {
    const { rows } = await this.db.raw<{ rows: SagaRow[] }>(
      `UPDATE ${SAGA_TABLE} s SET owner_id = ?, updated_at = now()
        WHERE s.saga_id = ? AND s.${UNFINISHED}
          AND (s.owner_id IS NULL OR s.owner_id = ? OR NOT ${ownerAliveSql('s')})
        RETURNING s.*`,
      [ownerId, sagaId, ownerId],
    );
    return rows[0];
  }

  /**
   * Takes up to `limit` unfinished sagas of `names` that no live instance drives. SKIP LOCKED lets several
   * instances resume at once, each taking different sagas.
   */
  async claimOrphans(ownerId: number, names: string[], exclude: string[], limit: number): Promise<SagaRow[]> {
    const { rows } = await this.db.raw<{ rows: SagaRow[] }>(
      `WITH orphans AS (
         SELECT s.saga_id FROM ${SAGA_TABLE} s
          WHERE s.${UNFINISHED}
            AND s.saga_name IN (SELECT jsonb_array_elements_text(?::jsonb))
            AND s.saga_id NOT IN (SELECT jsonb_array_elements_text(?::jsonb))
            AND (s.owner_id IS NULL OR s.owner_id = ? OR NOT ${ownerAliveSql('s')})
          ORDER BY s.created_at
          LIMIT ?
          FOR UPDATE SKIP LOCKED)
       UPDATE ${SAGA_TABLE} s SET owner_id = ?, updated_at = now() FROM orphans o
        WHERE s.saga_id = o.saga_id
        RETURNING s.*`,
      [json(names), json(exclude), ownerId, limit, ownerId],
    );
    return rows;
  }

  async steps(sagaId: string): Promise<StepRow[]> {
    return this.db(SAGA_STEP_TABLE).where({ saga_id: sagaId }).orderBy('position').select('step_name', 'position', 'status', 'output');
  }

  /** Records where a step stands; `output` only with `done`. */
  async recordStep(sagaId: string, ownerId: number, step: string, position: number, status: StepStatus, output?: unknown): Promise<void> {
    await this.fenced(sagaId, ownerId, async (trx) => {
      const row = { saga_id: sagaId, step_name: step, position, status, updated_at: trx.fn.now(), ...(status === 'done' ? { output: json(output) } : {}) };
      await trx(SAGA_STEP_TABLE).insert(row).onConflict(['saga_id', 'step_name']).merge();
    });
  }

  /** A step failed for good: it and the saga turn to compensation in one commit. */
  async failStep(sagaId: string, ownerId: number, step: string, position: number, error: string): Promise<void> {
    await this.fenced(sagaId, ownerId, async (trx) => {
      const row = { saga_id: sagaId, step_name: step, position, status: 'failed', error, updated_at: trx.fn.now() };
      await trx(SAGA_STEP_TABLE).insert(row).onConflict(['saga_id', 'step_name']).merge();
      await trx(SAGA_TABLE).where({ saga_id: sagaId }).update({ status: 'compensating', error, updated_at: trx.fn.now() });
    });
  }

  /** Ends the saga; returns its age in seconds, from its first start (resumes included). */
  async finish(sagaId: string, ownerId: number, status: 'completed' | 'compensated' | 'failed', error?: string): Promise<number> {
    return this.fenced(sagaId, ownerId, async (trx) => {
      const { rows } = await trx.raw<{ rows: Array<{ seconds: number }> }>(
        `UPDATE ${SAGA_TABLE} SET status = ?, error = coalesce(?, error), owner_id = NULL, finished_at = now(), updated_at = now()
          WHERE saga_id = ? RETURNING extract(epoch FROM now() - created_at)::float8 AS seconds`,
        [status, error ?? null, sagaId],
      );
      return Number(rows[0]?.seconds ?? 0);
    });
  }

  /** Lets any instance resume the saga now (we stop driving it: shutdown, or an error we cannot get past). */
  async release(sagaId: string, ownerId: number): Promise<void> {
    await this.db(SAGA_TABLE).where({ saga_id: sagaId, owner_id: ownerId }).update({ owner_id: null });
  }

  private fenced<T>(sagaId: string, ownerId: number, write: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(async (trx) => {
      const held = await trx(SAGA_TABLE).where({ saga_id: sagaId, owner_id: ownerId }).forUpdate().first('saga_id');
      if (!held) throw new SagaTakenOverError(sagaId);
      return write(trx);
    });
  }
}
