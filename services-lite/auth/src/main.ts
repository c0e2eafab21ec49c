// Composition root of the auth service: config -> logger, metrics, tracing, db, rate-limit store, events -> app -> server.
import { loadConfig, runMain } from '@ecommerce/common/config';
import { createDatabase } from '@ecommerce/common/db';
import { createEventTransport, idempotentHandler, OutboxRelay, startEventConsumer, type EventTransport } from '@ecommerce/common/events';
import { createRateLimitStore, startHttpServer } from '@ecommerce/common/http';
import { isMainModule, stopOnSignals } from '@ecommerce/common/lifecycle';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics, initTracing } from '@ecommerce/common/observability';
import { createAuthApp, SERVICE_NAME } from './app.js';
import { createAuthComponents } from './components.js';
import { authEnv } from './config.js';
import { userCreated } from './events/auth-events.js';
import { userEventsHandler } from './events/user-events.js';
import { grpcUserDirectory, type UserDirectory } from './staff/user-directory.js';
import type { AccessTokens } from './tokens/access-tokens.js';
import { pruneExpiredCredentials } from './use-cases/housekeeping.js';

export { authEnv, type AuthConfig } from './config.js';

export interface RunningAuth {
  url: string;
  /** Where verifiers fetch the public keys: `<url>/.well-known/jwks.json`. */
  jwksUrl: string;
  stop(): Promise<void>;
}

export interface AuthDeps {
  /** The process's one in-process transport in embedded mode; otherwise auth creates its own from the env. */
  transport?: EventTransport;
}

/** Starts auth from `env`. It never migrates: the runner or a migration job does that first. */
export async function startAuth(env: Record<string, string | undefined>, deps: AuthDeps = {}): Promise<RunningAuth> {
  const config = loadConfig(authEnv, env);
  const logger = createLogger({ service: SERVICE_NAME, level: config.LOG_LEVEL });
  const transport =
    deps.transport ??
    createEventTransport({ mode: config.RUN_MODE === 'embedded' ? 'embedded' : 'distributed', env: config, clientId: SERVICE_NAME, logger });
  const ownsTransport = deps.transport === undefined;
  const tracing = initTracing({ service: SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT });
  const metrics = createMetrics(SERVICE_NAME);
  const db = createDatabase({ url: config.DATABASE_URL, schema: SERVICE_NAME, poolMax: config.DATABASE_POOL_MAX });
  const rateLimits = createRateLimitStore({ redisUrl: config.REDIS_URL, prefix: SERVICE_NAME });

  let directory: UserDirectory | undefined;
  const components = createAuthComponents(db, rateLimits, config, () => {
    // Created on the first staff login, so auth starts (and serves customers) before the user service is up.
    directory ??= grpcUserDirectory(config.USER_GRPC_ADDRESS, serviceTokens(components.accessTokens));
    return directory;
  });
  const relay = new OutboxRelay({ db, schema: SERVICE_NAME, transport, logger, metrics: metrics.registry });

  const closers: Array<() => Promise<void> | void> = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close();
  };
  closers.push(() => tracing.shutdown(), () => db.destroy(), () => rateLimits.close());
  if (ownsTransport) closers.push(() => transport.close());
  try {
    // The JWKS is never empty while the service is up: verifiers may fetch it before the first login.
    await components.signingKeys.activeKey();
    await relay.start();
    closers.push(() => relay.stop());
    const consumer = await startEventConsumer({
      transport,
      group: SERVICE_NAME,
      topics: [userCreated.topic],
      logger,
      metrics: metrics.registry,
      handler: idempotentHandler(
        db,
        SERVICE_NAME,
        userEventsHandler({
          accounts: components.accounts,
          oneTimeTokens: components.oneTimeTokens,
          refreshTokens: components.refreshTokens,
          invitationTtlSeconds: config.INVITATION_TTL_SECONDS,
          logger,
        }),
      ),
    });
    closers.push(() => consumer.stop());
    closers.push(() => directory?.close());
    const app = createAuthApp({
      db,
      components,
      logger,
      metrics,
      corsOrigins: config.CORS_ORIGINS,
      bodyLimit: config.BODY_LIMIT,
      trustProxyHops: config.TRUST_PROXY_HOPS,
    });
    const server = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST });
    closers.push(() => server.close());
    const pruner = setInterval(() => {
      pruneExpiredCredentials(db).then(
        (counts) => logger.debug(counts, 'pruned expired credentials'),
        (err: unknown) => logger.warn({ err }, 'pruning expired credentials failed'),
      );
    }, 3_600_000);
    pruner.unref();
    closers.push(() => clearInterval(pruner));
    logger.info({ url: server.url }, 'auth listening');

    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      jwksUrl: `${server.url}/.well-known/jwks.json`,
      stop: () => (stopping ??= closeAll()),
    };
  } catch (err) {
    // e.g. the port is taken: release what was opened so a caller (a test, the runner) is not left hanging
    await closeAll();
    throw err;
  }
}

/** Short-lived tokens auth presents to the user service (role staff: read access), reused while fresh. */
function serviceTokens(accessTokens: AccessTokens): () => Promise<string> {
  const ttlSeconds = 120;
  let current: { token: string; renewAt: number } | undefined;
  return async () => {
    if (!current || Date.now() >= current.renewAt) {
      const issued = await accessTokens.issue({ sub: `service:${SERVICE_NAME}`, roles: ['staff'], type: 'service' }, ttlSeconds);
      current = { token: issued.token, renewAt: Date.now() + (ttlSeconds / 2) * 1000 };
    }
    return current.token;
  };
}

if (isMainModule(import.meta.url)) {
  await runMain(async () => {
    const auth = await startAuth(process.env);
    stopOnSignals(auth.stop, (message) => process.stderr.write(`auth: ${message}\n`));
  });
}
