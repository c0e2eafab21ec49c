// The shipping service: its gRPC API on 9006, probes and metrics on 8006. Started through the kit's
// one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { AdvanceTrackingUseCase } from './biz/advance-tracking.js';
import type { Clock } from './biz/ports.js';
import { shippingEnv } from './config.js';
import { createContainer } from './container.js';
import { GRPC_SERVICES } from './server/module.js';
import { shippingOpenApi } from './service/openapi.js';

/** What a host may replace: tests drive the simulated carrier's timetable with their own clock. */
export interface ShippingOverrides {
  clock?: Clock;
}

const systemClock: Clock = { now: () => new Date() };

export function shippingServiceDefinition(overrides: ShippingOverrides = {}): ServiceDefinition<typeof shippingEnv> {
  return {
    name: 'shipping',
    env: shippingEnv,
    async start(ctx) {
      const db = ctx.database();
      await ctx.events(db);
      const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
      const container = createContainer({ config: ctx.config, logger: ctx.logger, db, clock: overrides.clock ?? systemClock });
      // Each housekeeping round polls the carrier, so parcels advance even when no one asks.
      const tracking = container.get(AdvanceTrackingUseCase);
      ctx.housekeeping(db).register({ name: 'advance-tracking', run: async () => void (await tracking.execute()) });
      const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
      const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: shippingOpenApi });
      return { http: http.url, grpc: grpc.address };
    },
  };
}

export const shippingService = shippingServiceDefinition();

export function startShipping(env: Record<string, string | undefined>, shared: SharedResources = {}, overrides: ShippingOverrides = {}): Promise<RunningService> {
  return runService(shippingServiceDefinition(overrides), env, shared);
}

await runServiceMain(import.meta.url, shippingService);
