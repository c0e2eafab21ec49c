// The search service: its gRPC API on 9010, probes and metrics on 8010, and its consumer of the catalog, pricing,
// warehouse and review events that feed the index. Started through the kit's one composition root, as a process
// (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { UNIT_OF_WORK, type SearchUnitOfWork } from './biz/ports.js';
import { UpdateIndexUseCase } from './biz/update-index.js';
import { searchEnv } from './config.js';
import { createContainer } from './container.js';
import { startSearchConsumer } from './events/search-consumer.js';
import { GRPC_SERVICES } from './server/module.js';
import { searchOpenApi } from './service/openapi.js';

export const searchService: ServiceDefinition<typeof searchEnv> = {
  name: 'search',
  env: searchEnv,
  async start(ctx) {
    const db = ctx.database();
    const events = await ctx.events(db);
    const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
    const container = createContainer({ config: ctx.config, logger: ctx.logger, db });
    const consumer = await startSearchConsumer({
      transport: events.transport,
      uow: container.get<SearchUnitOfWork>(UNIT_OF_WORK),
      index: container.get(UpdateIndexUseCase),
      logger: ctx.logger,
      metrics: ctx.metrics,
    });
    ctx.onStop(() => consumer.stop());
    const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
    const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: searchOpenApi });
    return { http: http.url, grpc: grpc.address };
  },
};

export function startSearch(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(searchService, env, shared);
}

await runServiceMain(import.meta.url, searchService);
