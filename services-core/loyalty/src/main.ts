// The loyalty service: its gRPC API on 9013, probes and metrics on 8013, a consumer of registration, order and review
// events, and the housekeeping task that expires due points. Started through the kit's one composition root, as a
// process (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import type { Housekeeping } from '@ecommerce/common/housekeeping';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { ExpirePointsUseCase } from './biz/expire-points.js';
import type { Clock } from './biz/ports.js';
import { loyaltyEnv } from './config.js';
import { createContainer } from './container.js';
import { startLoyaltyConsumer } from './events/loyalty-consumer.js';
import { GRPC_SERVICES } from './server/module.js';
import { loyaltyOpenApi } from './service/openapi.js';

export interface LoyaltyHooks {
  /** The time as the service sees it (earning, expiry, tiers); the system clock by default. */
  clock?: Clock;
  /** Given the service's housekeeping scheduler once it is started (tests run a round with runOnce()). */
  onHousekeeping?: (housekeeping: Housekeeping) => void;
}

const systemClock: Clock = { now: () => new Date() };

export function loyaltyServiceWith(hooks: LoyaltyHooks = {}): ServiceDefinition<typeof loyaltyEnv> {
  return {
    name: 'loyalty',
    env: loyaltyEnv,
    async start(ctx) {
      const db = ctx.database();
      const events = await ctx.events(db);
      const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
      const container = createContainer({ config: ctx.config, logger: ctx.logger, db, clock: hooks.clock ?? systemClock });
      const expiry = container.get(ExpirePointsUseCase);
      const housekeeping = ctx.housekeeping(db);
      housekeeping.register({ name: 'expire-points', run: () => expiry.expireDue() });
      hooks.onHousekeeping?.(housekeeping);
      const consumer = await startLoyaltyConsumer({ transport: events.transport, container, logger: ctx.logger, metrics: ctx.metrics });
      ctx.onStop(() => consumer.stop());
      const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
      const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: loyaltyOpenApi });
      return { http: http.url, grpc: grpc.address };
    },
  };
}

export const loyaltyService = loyaltyServiceWith();

export function startLoyalty(env: Record<string, string | undefined>, shared: SharedResources = {}, hooks: LoyaltyHooks = {}): Promise<RunningService> {
  return runService(hooks.clock || hooks.onHousekeeping ? loyaltyServiceWith(hooks) : loyaltyService, env, shared);
}

await runServiceMain(import.meta.url, loyaltyService);
