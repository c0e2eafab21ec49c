// One scheduler per service process for periodic upkeep (pruning old rows): rounds on an unref'd timer, one
// round at a time per service across every instance (a Postgres advisory lock), stopped cleanly on shutdown.
import type { Knex } from 'knex';
import pg from 'pg';
import { Counter, type Registry } from 'prom-client';
import type { Logger } from '../logger/logger.js';

export interface HousekeepingTask {
  /** Names the task in logs and metrics, e.g. `prune-inbox`. */
  name: string;
  /** One round of the task; returns how many rows it removed, when it counts them. */
  run(): Promise<number | void>;
}

export interface HousekeepingOptions {
  /** The service's Knex; the lock is taken on a separate short-lived connection to the same database. */
  db: Knex;
  /** The lock's name: instances of one service share it, other services in the database do not. */
  service: string;
  tasks?: HousekeepingTask[];
  /** Time between rounds (default 10 min); the first round comes one interval after start(). */
  intervalMs?: number;
  logger: Logger;
  metrics?: Registry;
}

/** `skipped`: another instance held the lock, so this round did nothing. */
export type HousekeepingRound = { ran: true; removed: Record<string, number | 'failed'> } | { ran: false };

export class Housekeeping {
  private readonly tasks: HousekeepingTask[];
  private timer?: NodeJS.Timeout;
  private round?: Promise<HousekeepingRound>;
  private stopped = false;
  private readonly removed?: Counter<'task'>;
  private readonly failures?: Counter<'task'>;

  constructor(private readonly options: HousekeepingOptions) {
    this.tasks = [...(options.tasks ?? [])];
    if (options.metrics) {
      const registry = options.metrics;
      this.removed = once(registry, 'housekeeping_rows_removed_total', () =>
        new Counter({ name: 'housekeeping_rows_removed_total', help: 'Rows removed by housekeeping, by task', labelNames: ['task'] as const, registers: [registry] }),
      );
      this.failures = once(registry, 'housekeeping_task_failures_total', () =>
        new Counter({ name: 'housekeeping_task_failures_total', help: 'Housekeeping task rounds that failed', labelNames: ['task'] as const, registers: [registry] }),
      );
    }
  }

  register(task: HousekeepingTask): void {
    if (this.tasks.some((t) => t.name === task.name)) throw new Error(`housekeeping task ${task.name} is registered twice`);
    this.tasks.push(task);
  }

  /** Schedules rounds; the timer never keeps the process alive. */
  start(): void {
    if (this.stopped || this.timer) return;
    this.schedule();
  }

  /** Runs one round now, unless this instance or another is in one (then `{ ran: false }`). */
  runOnce(): Promise<HousekeepingRound> {
    this.round ??= this.lockedRound().finally(() => (this.round = undefined));
    return this.round;
  }

  /** Cancels the next round and waits for one in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round?.catch(() => {});
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      void this.runOnce()
        .catch((err: unknown) => this.options.logger.error({ err }, 'housekeeping round failed'))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.options.intervalMs ?? 600_000);
    this.timer.unref();
  }

  private async lockedRound(): Promise<HousekeepingRound> {
    const connection = (this.options.db.client as { config: { connection: string | pg.ClientConfig } }).config.connection;
    const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : { ...connection });
    client.on('error', () => {}); // a lost lock connection fails the round's unlock only; the lock dies with it
    await client.connect();
    try {
      const lock = [`housekeeping`, this.options.service];
      const { rows } = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock(hashtext($1), hashtext($2)) AS ok', lock);
      if (!rows[0]?.ok) return { ran: false };
      try {
        return { ran: true, removed: await this.runTasks() };
      } finally {
        await client.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', lock);
      }
    } finally {
      await client.end().catch(() => {});
    }
  }

  /** Each task on its own: one failing (a table missing, a timeout) does not stop the others. */
  private async runTasks(): Promise<Record<string, number | 'failed'>> {
    const removed: Record<string, number | 'failed'> = {};
    for (const task of this.tasks) {
      try {
        const count = (await task.run()) ?? 0;
        removed[task.name] = count;
        this.removed?.inc({ task: task.name }, count);
      } catch (err) {
        removed[task.name] = 'failed';
        this.failures?.inc({ task: task.name });
        this.options.logger.error({ err, task: task.name }, 'housekeeping task failed');
      }
    }
    this.options.logger.info({ removed }, 'housekeeping round done');
    return removed;
  }
}

function once<T>(registry: Registry, name: string, make: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? make();
}
