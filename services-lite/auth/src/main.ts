// The auth service: credentials, sessions, MFA and the platform's JWKS over HTTP (8000). Started through the
// kit's one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests
// (`startAuth`). It never migrates: the runner or a migration job does that first.
import { createRateLimitStore, startHttpServer } from '@ecommerce/common/http';
import { runService, runServiceMain, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { createAuthApp, SERVICE_NAME } from './app.js';
import { createAuthComponents } from './components.js';
import { authEnv } from './config.js';
import { startAuthConsumer } from './events/auth-consumer.js';
import { grpcUserDirectory, type UserDirectory } from './staff/user-directory.js';
import type { AccessTokens } from './tokens/access-tokens.js';
import { parseServiceClients, ServiceClients } from './service-clients/service-clients.js';
import { credentialPruningTask } from './use-cases/prune-schedule.js';

export { authEnv, type AuthConfig } from './config.js';

/** Env: DATABASE_URL (required), HTTP_PORT 8000, AUTH_*, token TTLs, lockout and rate limits, USER_GRPC_ADDRESS, SERVICE_CLIENTS; see config.ts. */
export const authService: ServiceDefinition<typeof authEnv> = {
  name: SERVICE_NAME,
  env: authEnv,
  async start(ctx) {
    const { config, logger, metrics } = ctx;
    const db = ctx.database();
    const rateLimits = createRateLimitStore({ redisUrl: config.REDIS_URL, prefix: SERVICE_NAME });
    ctx.onStop(() => rateLimits.close());
    let directory: UserDirectory | undefined;
    const components = createAuthComponents(db, rateLimits, config, () => {
      // Created on the first staff login, so auth starts (and serves customers) before the user service is up.
      directory ??= grpcUserDirectory(config.USER_GRPC_ADDRESS, serviceTokens(components.accessTokens));
      return directory;
    });
    ctx.onStop(() => directory?.close());
    // The JWKS is never empty while the service is up: verifiers may fetch it before the first login.
    await components.signingKeys.activeKey();
    const events = await ctx.events(db);
    const consumer = await startAuthConsumer({ transport: events.transport, uow: components.uow, staff: components.staff, customers: components.customers, logger, metrics });
    ctx.onStop(() => consumer.stop());
    const serviceClients = new ServiceClients(parseServiceClients(config.SERVICE_CLIENTS), components.accessTokens, config.SERVICE_TOKEN_TTL_SECONDS);
    const app = createAuthApp({
      serviceClients,
      db,
      components,
      logger,
      metrics,
      corsOrigins: config.CORS_ORIGINS,
      bodyLimit: config.BODY_LIMIT,
      trustProxyHops: config.TRUST_PROXY_HOPS,
    });
    const server = await startHttpServer(app, { port: config.HTTP_PORT, host: config.HTTP_HOST });
    ctx.onStop(() => server.close());
    ctx.housekeeping(db).register(credentialPruningTask(db));
    return { http: server.url, jwks: `${server.url}/.well-known/jwks.json` };
  },
};

/** `urls.http` is the API's base, `urls.jwks` where verifiers fetch the public keys. */
export function startAuth(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(authService, env, shared);
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

await runServiceMain(import.meta.url, authService);
