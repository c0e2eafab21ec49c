// Starts and resumes sagas. One instance per service process; several processes may run side by side: a
// saga is driven only by the instance whose owner id it carries, and taken over only once that owner is gone.
import type { Knex } from 'knex';
import type { Registry } from 'prom-client';
import { AppError, ValidationError } from '../errors/app-error.js';
import type { Logger } from '../logger/logger.js';
import type { SagaDefinition } from './saga-definition.js';
import { sagaMetrics, type SagaMetrics } from './saga-metrics.js';
import { SagaOwner } from './saga-owner.js';
import { outcomeOf, runSaga, type SagaHooks, type SagaOutcome } from './saga-run.js';
import { SagaStore, SagaTakenOverError, type SagaRow } from './saga-store.js';
import { OrchestratorClosingError } from './step-call.js';

export interface SagaOrchestratorOptions {
  /** The service's Knex (search_path on its schema, which holds the saga tables). */
  db: Knex;
  // Method-style step signatures make a SagaDefinition<Input> fit here whatever its input type.
  sagas: SagaDefinition<unknown>[];
  logger: Logger;
  /** The service's Prometheus registry. */
  metrics?: Registry;
  /** How many orphaned sagas resumeUnfinished drives at once (default 8). */
  resumeConcurrency?: number;
  /** Test-only hooks at step boundaries. */
  hooks?: SagaHooks;
}

const SAGA_ID = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,199}$/;

export class SagaOrchestrator {
  private readonly definitions = new Map<string, SagaDefinition<unknown>>();
  /** Sagas this process drives, and start() calls still inserting or claiming theirs. */
  private readonly active = new Map<string, Promise<SagaOutcome>>();
  private readonly starting = new Map<string, Promise<SagaOutcome>>();
  private readonly closing = new AbortController();
  private readonly store: SagaStore;
  private readonly metrics?: SagaMetrics;
  private owner: Promise<SagaOwner>;

  /** Opens the owner session; call resumeUnfinished() next, at start-up. */
  static async create(options: SagaOrchestratorOptions): Promise<SagaOrchestrator> {
    const orchestrator = new SagaOrchestrator(options, SagaOwner.open(options.db, options.logger));
    await orchestrator.owner;
    return orchestrator;
  }

  private constructor(
    private readonly options: SagaOrchestratorOptions,
    owner: Promise<SagaOwner>,
  ) {
    this.owner = owner;
    this.store = new SagaStore(options.db);
    if (options.metrics) this.metrics = sagaMetrics(options.metrics);
    for (const saga of options.sagas) {
      if (this.definitions.has(saga.name)) throw new Error(`saga ${saga.name} is registered twice`);
      this.definitions.set(saga.name, saga);
    }
  }

  /** This instance's owner id (in `saga_instances.owner_id`), for logs and tests. */
  async ownerId(): Promise<number> {
    return (await this.currentOwner()).id;
  }

  /**
   * Runs saga `sagaId` to its end and returns the outcome. Starting an id again is safe: a finished saga answers
   * its stored outcome, one this instance drives answers when it ends, an orphaned one is resumed, and one that
   * another live instance drives is refused with ABORTED (409), so a retrying client tries again later.
   */
  async start<I>(saga: string | SagaDefinition<I>, sagaId: string, input: I): Promise<SagaOutcome> {
    const definition = this.definition(typeof saga === 'string' ? saga : saga.name);
    if (!SAGA_ID.test(sagaId)) throw new ValidationError([{ field: 'sagaId', message: 'letters, digits and _.:@- only, at most 200' }]);
    const running = this.active.get(sagaId) ?? this.starting.get(sagaId);
    if (running) return running;
    const starting = this.begin(definition, sagaId, input).finally(() => this.starting.delete(sagaId));
    this.starting.set(sagaId, starting);
    return starting;
  }

  /** Drives every unfinished saga that no live instance owns to its end (at start-up, and after a peer died). */
  async resumeUnfinished(): Promise<SagaOutcome[]> {
    const outcomes: SagaOutcome[] = [];
    const tried = new Set<string>();
    const names = [...this.definitions.keys()];
    while (!this.closing.signal.aborted) {
      const owner = await this.currentOwner();
      const exclude = [...this.active.keys(), ...this.starting.keys(), ...tried];
      const rows = await this.store.claimOrphans(owner.id, names, exclude, this.options.resumeConcurrency ?? 8);
      if (rows.length === 0) break;
      this.options.logger.info({ sagas: rows.map((r) => r.saga_id) }, 'resuming unfinished sagas');
      const settled = await Promise.allSettled(
        rows.map((row) => {
          tried.add(row.saga_id);
          return this.drive(this.definition(row.saga_name), row, owner.id);
        }),
      );
      for (const result of settled) if (result.status === 'fulfilled') outcomes.push(result.value);
    }
    return outcomes;
  }

  /** Lets each step call in flight finish, then stops; unfinished sagas are released for the next start-up. */
  async close(): Promise<void> {
    this.closing.abort();
    await Promise.allSettled([...this.starting.values(), ...this.active.values()]);
    await (await this.owner.catch(() => undefined))?.close();
  }

  private async begin(definition: SagaDefinition<unknown>, sagaId: string, input: unknown): Promise<SagaOutcome> {
    const owner = await this.currentOwner();
    const row = (await this.store.insert(sagaId, definition.name, input, owner.id)) ?? (await this.existing(definition, sagaId, owner.id));
    return 'results' in row ? row : this.drive(definition, row, owner.id);
  }

  private async existing(definition: SagaDefinition<unknown>, sagaId: string, ownerId: number): Promise<SagaRow | SagaOutcome> {
    const row = await this.store.get(sagaId);
    if (!row) throw new AppError('aborted', `saga ${sagaId} vanished while starting; try again`);
    if (row.saga_name !== definition.name) throw new AppError('already_exists', `saga id ${sagaId} belongs to a ${row.saga_name} saga`);
    if (row.status !== 'running' && row.status !== 'compensating') return outcomeOf(row, await this.store.steps(sagaId));
    const claimed = await this.store.claim(sagaId, ownerId);
    if (!claimed) throw new AppError('aborted', `saga ${sagaId} is in progress on another instance`);
    return claimed;
  }

  /** One run per saga in this process: a start() and a resume that meet on one id share it. */
  private drive(definition: SagaDefinition<unknown>, row: SagaRow, ownerId: number): Promise<SagaOutcome> {
    const running = this.active.get(row.saga_id);
    if (running) return running;
    const { logger, hooks } = this.options;
    const deps = { store: this.store, ownerId, logger, metrics: this.metrics, hooks, closing: this.closing.signal };
    const run = runSaga(deps, definition, row)
      .catch(async (err: unknown) => {
        if (err instanceof SagaTakenOverError) logger.warn({ saga_id: row.saga_id }, err.message);
        else {
          // Shutdown or a database fault: let any instance (this one included) resume it.
          await this.store.release(row.saga_id, ownerId).catch(() => {});
          if (err instanceof OrchestratorClosingError) logger.info({ saga_id: row.saga_id }, 'saga paused by shutdown; it resumes later');
          else logger.error({ err, saga_id: row.saga_id }, 'saga interrupted; it resumes later');
        }
        throw err;
      })
      .finally(() => this.active.delete(row.saga_id));
    this.active.set(row.saga_id, run);
    return run;
  }

  private definition(name: string): SagaDefinition<unknown> {
    const definition = this.definitions.get(name);
    if (!definition) throw new Error(`saga ${name} is not registered with this orchestrator`);
    return definition;
  }

  /** The owner session, reopened under a new id when the old one was lost. */
  private async currentOwner(): Promise<SagaOwner> {
    const pending = this.owner;
    const owner = await pending;
    if (owner.alive) return owner;
    if (this.closing.signal.aborted) throw new AppError('unavailable', 'the saga orchestrator is closed');
    if (this.owner === pending) {
      void owner.close();
      this.owner = SagaOwner.open(this.options.db, this.options.logger);
    }
    return this.owner;
  }
}
