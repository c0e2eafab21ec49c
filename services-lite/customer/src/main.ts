// The customer service: profiles, addresses and rule-based segments over HTTP (8007), profiles made from auth's
// registrations. Started through the kit's one composition root, as a process (`node dist/main.js`) or hosted
// by the runner and the tests (`startCustomer`). It never migrates: the runner or a migration job does that first.
import { startHttpServer, verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { createCustomerApp, SERVICE_NAME } from './app.js';
import { createCustomerComponents } from './components.js';
import { customerEnv } from './config.js';
import { startCustomerConsumer } from './events/customer-consumer.js';

export { customerEnv, type CustomerConfig } from './config.js';

/** Env: DATABASE_URL (required), HTTP_PORT 8007, JWT_* (whose tokens to trust), RUN_MODE, KAFKA_BROKERS; see config.ts. */
export const customerService: ServiceDefinition<typeof customerEnv> = {
  name: SERVICE_NAME,
  env: customerEnv,
  async start(ctx) {
    const { config, logger, metrics } = ctx;
    const db = ctx.database();
    const components = createCustomerComponents(db);
    const events = await ctx.events(db);
    const consumer = await startCustomerConsumer({ transport: events.transport, components, logger, metrics });
    ctx.onStop(() => consumer.stop());
    const app = createCustomerApp({
      db,
      components,
      logger,
      metrics,
      verifier: verifierFromEnv(config, (message) => logger.warn(message)),
      corsOrigins: config.CORS_ORIGINS,
      bodyLimit: config.BODY_LIMIT,
    });
    const server = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST });
    ctx.onStop(() => server.close());
    return { http: server.url };
  },
};

export function startCustomer(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(customerService, env, shared);
}

await runServiceMain(import.meta.url, customerService);
