// The pricing service: its gRPC API on 9002, probes and metrics on 8002. Started through the kit's
// one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { UNIT_OF_WORK, type PricingUnitOfWork } from './biz/ports.js';
import { SyncCatalogSkusUseCase } from './biz/sync-catalog-skus.js';
import { pricingEnv } from './config.js';
import { createContainer } from './container.js';
import { startPricingConsumer } from './events/catalog-consumer.js';
import { GRPC_SERVICES } from './server/module.js';
import { pricingOpenApi } from './service/openapi.js';

export const pricingService: ServiceDefinition<typeof pricingEnv> = {
  name: 'pricing',
  env: pricingEnv,
  async start(ctx) {
    const db = ctx.database();
    const events = await ctx.events(db);
    const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
    const container = createContainer({ config: ctx.config, logger: ctx.logger, db });
    const consumer = await startPricingConsumer({
      transport: events.transport,
      uow: container.get<PricingUnitOfWork>(UNIT_OF_WORK),
      sync: container.get(SyncCatalogSkusUseCase),
      logger: ctx.logger,
      metrics: ctx.metrics,
    });
    ctx.onStop(() => consumer.stop());
    const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
    const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: pricingOpenApi });
    return { http: http.url, grpc: grpc.address };
  },
};

export function startPricing(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(pricingService, env, shared);
}

await runServiceMain(import.meta.url, pricingService);
