// The one composition root every service starts through: config -> infrastructure -> app or container ->
// servers. Each resource is registered as it is opened and closed in reverse order on stop, or at once when
// start-up fails halfway, so no caller (runner, test, process entry point) is left with something half open.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { z } from 'zod';
import { loadConfig } from '../config/load-config.js';
import { createDatabase } from '../db/knex-factory.js';
import { serviceSchema } from '../db/service-schemas.js';
import { startServiceEvents, type ServiceEvents } from '../events/service-events.js';
import type { EventsEnv } from '../events/transport-config.js';
import type { EventTransport } from '../events/transport.js';
import { Housekeeping, pruneInboxTask, pruneOutboxTask } from '../housekeeping/index.js';
import { createLogger } from '../logger/logger.js';
import { createMetrics, type ServiceMetrics } from '../observability/metrics.js';
import { initTracing } from '../observability/tracing.js';
import { StopList } from './stop-list.js';

/** Variables runService itself reads; a service's env schema extends baseEnv and eventsEnv, which have them. */
export interface ServiceBaseConfig extends EventsEnv {
  LOG_LEVEL: string;
  OTEL_EXPORTER_OTLP_ENDPOINT?: string | undefined;
}

/** What a host process opens once and lends to every service it hosts (the embedded runner, tests). */
export interface SharedResources {
  /** The process's one event transport; without it a service makes its own from RUN_MODE/KAFKA_BROKERS. */
  transport?: EventTransport;
}

export interface ServiceContext<C> {
  readonly name: string;
  readonly config: C;
  /** The environment as given (RUN_MODE defaulted): for variables named only at run time (the gateway's <SERVICE>_GRPC_ADDRESS). */
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly logger: Logger;
  readonly metrics: ServiceMetrics;
  readonly shared: SharedResources;
  /** Runs `close` on stop, after everything registered later has been closed. */
  onStop(close: () => Promise<unknown> | unknown): void;
  /** The service's own schema on DATABASE_URL, closed on stop. */
  database(settings?: { poolMax?: number }): Knex;
  /**
   * The event transport (shared or the service's own) and the outbox relay of the service's schema; the
   * housekeeping scheduler then prunes the inbox and sent outbox rows.
   */
  events(db: Knex): Promise<ServiceEvents>;
  /** The service's one housekeeping scheduler (started, stopped on stop); register further prune tasks on it. */
  housekeeping(db: Knex): Housekeeping;
}

export interface ServiceDefinition<S extends z.ZodObject, C extends ServiceBaseConfig = z.infer<S> & ServiceBaseConfig> {
  name: string;
  /** The service's PostgreSQL schema (its tables, outbox and inbox); defaults to serviceSchema(name) from common/db. */
  schema?: string;
  env: S;
  /** Opens what the service needs through `ctx` and starts its servers; returns the addresses worth printing. */
  start(ctx: ServiceContext<C>): Promise<Record<string, string>>;
}

export interface RunningService {
  /** e.g. { http: 'http://127.0.0.1:8012', grpc: '127.0.0.1:9001' } */
  urls: Record<string, string>;
  /** Idempotent; closes in reverse order of opening. */
  stop(): Promise<void>;
}

/**
 * Starts `definition` from `env`. Called as a library (runner, tests) RUN_MODE defaults to embedded;
 * `runServiceMain` (the process entry point) defaults it to distributed.
 */
export async function runService<S extends z.ZodObject, C extends ServiceBaseConfig>(
  definition: ServiceDefinition<S, C>,
  env: Record<string, string | undefined>,
  shared: SharedResources = {},
): Promise<RunningService> {
  const runEnv = { ...env, RUN_MODE: env.RUN_MODE || 'embedded' };
  const config = loadConfig(definition.env, runEnv) as unknown as C;
  const name = definition.name;
  const schema = definition.schema ?? serviceSchema(name);
  const logger = createLogger({ service: name, level: config.LOG_LEVEL });
  const stops = new StopList(logger);
  const tracing = initTracing({ service: name, ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}) });
  stops.add(() => tracing.shutdown());
  const metrics = createMetrics(name);
  let housekeeping: Housekeeping | undefined;
  const databaseConfig = config as unknown as { DATABASE_URL?: string; DATABASE_POOL_MAX?: number };

  const ctx: ServiceContext<C> = {
    name,
    config,
    env: runEnv,
    logger,
    metrics,
    shared,
    onStop: (close) => stops.add(close),
    database(settings = {}) {
      if (!databaseConfig.DATABASE_URL) throw new Error(`${name}: database() needs DATABASE_URL in the env schema`);
      const db = createDatabase({ url: databaseConfig.DATABASE_URL, schema, poolMax: settings.poolMax ?? databaseConfig.DATABASE_POOL_MAX ?? 10 });
      stops.add(() => db.destroy());
      return db;
    },
    async events(db) {
      const events = await startServiceEvents({
        service: name,
        schema,
        db,
        env: config,
        logger,
        metrics: metrics.registry,
        relayPrunes: false,
        ...(shared.transport ? { transport: shared.transport } : {}),
      });
      stops.add(() => events.stop());
      const upkeep = ctx.housekeeping(db);
      upkeep.register(pruneInboxTask(db));
      upkeep.register(pruneOutboxTask(events.relay));
      return events;
    },
    housekeeping(db) {
      if (!housekeeping) {
        housekeeping = new Housekeeping({ db, service: name, logger, metrics: metrics.registry });
        housekeeping.start();
        const started = housekeeping;
        stops.add(() => started.stop());
      }
      return housekeeping;
    },
  };

  try {
    const urls = await definition.start(ctx);
    logger.info({ urls }, `${name} started`);
    return {
      urls,
      stop: () =>
        stops.closeAll().then(() => {
          // Logged before the logger's own resources go: the last line of a clean stop.
          logger.info(`${name} stopped`);
        }),
    };
  } catch (err) {
    // e.g. the port is taken, or distributed mode without KAFKA_BROKERS: release what was opened, then fail.
    await stops.closeAll();
    throw err;
  }
}
