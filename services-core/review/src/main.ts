// The review service: its gRPC API on 9011, probes and metrics on 8011, and its consumer of the order, shipping
// and catalog events that verify purchases. Started through the kit's one composition root, as a process
// (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { UNIT_OF_WORK, type ReviewUnitOfWork } from './biz/ports.js';
import { RecordPurchasesUseCase } from './biz/record-purchases.js';
import { reviewEnv } from './config.js';
import { createContainer } from './container.js';
import { startReviewConsumer } from './events/review-consumer.js';
import { GRPC_SERVICES } from './server/module.js';
import { reviewOpenApi } from './service/openapi.js';

export const reviewService: ServiceDefinition<typeof reviewEnv> = {
  name: 'review',
  env: reviewEnv,
  async start(ctx) {
    const db = ctx.database();
    const events = await ctx.events(db);
    const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
    const container = createContainer({ config: ctx.config, logger: ctx.logger, db });
    const consumer = await startReviewConsumer({
      transport: events.transport,
      uow: container.get<ReviewUnitOfWork>(UNIT_OF_WORK),
      purchases: container.get(RecordPurchasesUseCase),
      logger: ctx.logger,
      metrics: ctx.metrics,
    });
    ctx.onStop(() => consumer.stop());
    const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
    const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: reviewOpenApi });
    return { http: http.url, grpc: grpc.address };
  },
};

export function startReview(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(reviewService, env, shared);
}

await runServiceMain(import.meta.url, reviewService);
