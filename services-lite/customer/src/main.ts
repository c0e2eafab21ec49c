// Composition root of the customer service: config -> logger, metrics, tracing, db, events -> app -> server.
import { loadConfig, runMain } from '@ecommerce/common/config';
import { createDatabase } from '@ecommerce/common/db';
import { idempotentHandler, startEventConsumer, startServiceEvents, type EventTransport } from '@ecommerce/common/events';
import { startHttpServer, verifierFromEnv } from '@ecommerce/common/http';
import { isMainModule, stopOnSignals } from '@ecommerce/common/lifecycle';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics, initTracing } from '@ecommerce/common/observability';
import { createCustomerApp, SERVICE_NAME } from './app.js';
import { customerEnv, type CustomerConfig } from './config.js';
import { accountEventsHandler } from './events/account-registered.handler.js';
import { accountRegistered } from './events/customer-events.js';
import { CustomerRepository } from './repositories/customer-repository.js';

export { customerEnv, type CustomerConfig } from './config.js';

export interface RunningCustomer {
  url: string;
  stop(): Promise<void>;
}

export interface CustomerDeps {
  /** The process's one in-process transport in embedded mode; without it one is made from RUN_MODE/KAFKA_BROKERS. */
  transport?: EventTransport;
}

/**
 * Starts the customer service from `env`. It never migrates: the runner or a migration job does that first.
 * Called as a library (runner, tests) it defaults to RUN_MODE=embedded; the process entry point to distributed.
 */
export async function startCustomer(env: Record<string, string | undefined>, deps: CustomerDeps = {}): Promise<RunningCustomer> {
  const config = loadConfig(customerEnv, { ...env, RUN_MODE: env.RUN_MODE ?? 'embedded' });
  const logger = createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  const tracing = initTracing({ service: SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const metrics = createMetrics(SERVICE_NAME);
  const db = createDatabase({ url: config.DATABASE_URL, schema: SERVICE_NAME, poolMax: config.DATABASE_POOL_MAX });

  const closers: Array<() => Promise<void> | void> = [() => tracing.shutdown(), () => db.destroy()];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  try {
    const events = await startServiceEvents({
      service: SERVICE_NAME,
      db,
      env: config,
      logger,
      metrics: metrics.registry,
      ...(deps.transport ? { transport: deps.transport } : {}),
    });
    closers.push(() => events.stop());
    const consumer = await startEventConsumer({
      transport: events.transport,
      group: SERVICE_NAME,
      topics: [accountRegistered.topic],
      logger,
      metrics: metrics.registry,
      handler: idempotentHandler(db, SERVICE_NAME, accountEventsHandler({ customers: new CustomerRepository(db), logger })),
    });
    closers.push(() => consumer.stop());
    const app = createCustomerApp({
      db,
      logger,
      metrics,
      verifier: verifierFromEnv(config, (message) => logger.warn(message)),
      corsOrigins: config.CORS_ORIGINS,
      bodyLimit: config.BODY_LIMIT,
    });
    const server = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST });
    closers.push(() => server.close());
    logger.info({ url: server.url }, 'customer listening');

    let stopping: Promise<void> | undefined;
    return { url: server.url, stop: () => (stopping ??= closeAll()) };
  } catch (err) {
    // e.g. the port is taken, or distributed mode without KAFKA_BROKERS: release what was opened
    await closeAll();
    throw err;
  }
}

if (isMainModule(import.meta.url)) {
  await runMain(async () => {
    const customer = await startCustomer({ ...process.env, RUN_MODE: process.env.RUN_MODE ?? 'distributed' });
    stopOnSignals(customer.stop, (message) => process.stderr.write(`customer: ${message}\n`));
  });
}
