// The warehouse service: its gRPC API on 9008, probes and metrics on 8008. Started through the kit's
// one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { Housekeeping } from '@ecommerce/common/housekeeping';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { ExpireReservationsUseCase } from './biz/expire-reservations.js';
import { ManageStockItemsUseCase } from './biz/manage-stock-items.js';
import { CLOCK, UNIT_OF_WORK, type Clock, type WarehouseUnitOfWork } from './biz/ports.js';
import { warehouseEnv } from './config.js';
import { createContainer } from './container.js';
import { startWarehouseConsumer } from './events/warehouse-consumer.js';
import { GRPC_SERVICES } from './server/module.js';
import { warehouseOpenApi } from './service/openapi.js';

export const warehouseService: ServiceDefinition<typeof warehouseEnv> = {
  name: 'warehouse',
  env: warehouseEnv,
  async start(ctx) {
    const db = ctx.database();
    const events = await ctx.events(db);
    const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
    const container = createContainer({ config: ctx.config, logger: ctx.logger, db });
    const consumer = await startWarehouseConsumer({
      transport: events.transport,
      uow: container.get<WarehouseUnitOfWork>(UNIT_OF_WORK),
      stockItems: container.get(ManageStockItemsUseCase),
      logger: ctx.logger,
      metrics: ctx.metrics,
    });
    ctx.onStop(() => consumer.stop());
    // Its own scheduler: the kit's prune rounds come every 10 minutes, too seldom for stock held by an expired
    // reservation. A separate lock name, so one instance sweeps at a time without blocking the prune round.
    const expiring = container.get(ExpireReservationsUseCase);
    const clock = container.get<Clock>(CLOCK);
    const sweeper = new Housekeeping({
      db,
      service: 'warehouse-reservations',
      intervalMs: ctx.config.RESERVATION_SWEEP_INTERVAL_MS,
      logger: ctx.logger,
      metrics: ctx.metrics.registry,
      tasks: [{ name: 'expire-reservations', run: () => expiring.execute(clock.now()) }],
    });
    sweeper.start();
    ctx.onStop(() => sweeper.stop());
    const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
    const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: warehouseOpenApi });
    return { http: http.url, grpc: grpc.address };
  },
};

export function startWarehouse(env: Record<string, string | undefined>, shared: SharedResources = {}): Promise<RunningService> {
  return runService(warehouseService, env, shared);
}

await runServiceMain(import.meta.url, warehouseService);
