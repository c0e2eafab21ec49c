// The user service: staff and admin users, roles and permissions over gRPC (9001), probes and metrics over
// HTTP (8001). Started through the kit's one composition root, as a process (`node dist/main.js`) or hosted
// by the embedded runner and the tests (`startUser`).
import type { SharedResources, ServiceDefinition } from '@ecommerce/common/lifecycle';
import { runService, runServiceMain, startCoreServers, type RunningService } from '@ecommerce/common/lifecycle';
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { verifierFromEnv } from '@ecommerce/common/http';
import { BootstrapAdminUseCase } from './biz/bootstrap-admin.js';
import { USER_SCHEMA, userEnv } from './config.js';
import { createContainer } from './container.js';
import { GRPC_SERVICES } from './server/module.js';
import { userOpenApi } from './service/openapi.js';

/** Env: DATABASE_URL (required), HTTP_PORT 8001, GRPC_PORT 9001, JWT_*, BOOTSTRAP_ADMIN_EMAIL, RUN_MODE, KAFKA_BROKERS; see config.ts. */
export const userService: ServiceDefinition<typeof userEnv> = {
  name: 'user',
  schema: USER_SCHEMA,
  env: userEnv,
  async start(ctx) {
    const db = ctx.database();
    await ctx.events(db);
    const { config, logger } = ctx;
    const verifier = verifierFromEnv(config, (m) => logger.warn(m));
    const container = createContainer({ config, logger, metrics: ctx.metrics, db, verifier });
    if (!config.JWT_JWKS_URL && !config.JWT_PUBLIC_KEY) logger.warn('neither JWT_JWKS_URL nor JWT_PUBLIC_KEY is set: every call will be UNAUTHENTICATED');
    if (config.BOOTSTRAP_ADMIN_EMAIL) {
      const { user, created } = await container.get(BootstrapAdminUseCase).execute(config.BOOTSTRAP_ADMIN_EMAIL, config.BOOTSTRAP_ADMIN_NAME);
      logger.info({ user_id: user.id, created }, 'bootstrap admin ensured');
    }
    const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
    const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: userOpenApi });
    return { http: http.url, grpc: grpc.address };
  },
};

export function startUser(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(userService, env, shared);
}

await runServiceMain(import.meta.url, userService);
