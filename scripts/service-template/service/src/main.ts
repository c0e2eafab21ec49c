// The __name__ service: its gRPC API on __GRPC_PORT__, probes and metrics on __HTTP_PORT__. Started through the kit's
// one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { __name__Env } from './config.js';
import { createContainer } from './container.js';
import { GRPC_SERVICES } from './server/module.js';
import { __name__OpenApi } from './service/openapi.js';

export const __name__Service: ServiceDefinition<typeof __name__Env> = {
  name: '__name__',
  env: __name__Env,
  async start(ctx) {
    const db = ctx.database();
    await ctx.events(db);
    const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
    const container = createContainer({ config: ctx.config, logger: ctx.logger, db });
    const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
    const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: __name__OpenApi });
    return { http: http.url, grpc: grpc.address };
  },
};

export function start__Name__(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(__name__Service, env, shared);
}

await runServiceMain(import.meta.url, __name__Service);
