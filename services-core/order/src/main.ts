// The order service: carts, the checkout saga and orders on gRPC 9004, probes and metrics on HTTP 8004. Started
// through the kit's one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests
// (which may hand it other implementations of the remote ports and of the service token).
import { UnavailableError } from '@ecommerce/common/errors';
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { serviceTokenSource, verifierFromEnv } from '@ecommerce/common/http';
import { pruneFinishedSagasTask } from '@ecommerce/common/housekeeping';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { SagaOrchestrator, type SagaDefinition } from '@ecommerce/common/saga';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { checkoutSaga } from './biz/checkout-saga.js';
import { SAGA_ORCHESTRATOR } from './biz/checkout.js';
import { FulfilmentUseCase } from './biz/fulfilment.js';
import { CART_REPOSITORY, ORDER_REPOSITORY, UNIT_OF_WORK, type CartRepository, type OrderRepository, type OrderUnitOfWork } from './biz/ports.js';
import { orderEnv, type OrderConfig } from './config.js';
import { createContainer } from './container.js';
import { grpcRemotes, type RemotePorts } from './data/grpc-remotes.js';
import type { ServiceToken } from './data/remote-call.js';
import { consumeShippingEvents } from './events/shipping-consumer.js';
import { GRPC_SERVICES } from './server/module.js';
import { orderOpenApi } from './service/openapi.js';

export interface OrderOverrides {
  /** Other implementations of the ports to pricing, promotion, warehouse, payment and shipping. */
  remotes?: RemotePorts;
  serviceToken?: ServiceToken;
}

function serviceTokenFrom(config: OrderConfig): ServiceToken {
  if (config.AUTH_URL && config.SERVICE_SECRET) return serviceTokenSource({ authUrl: config.AUTH_URL, service: 'order', secret: config.SERVICE_SECRET });
  // Carts work without it; the internal RPCs of checkout and fulfilment answer UNAVAILABLE naming what is missing.
  return () => Promise.reject(new UnavailableError('the order service has no service token: set AUTH_URL and SERVICE_SECRET'));
}

export function orderServiceWith(overrides: OrderOverrides = {}): ServiceDefinition<typeof orderEnv> {
  return {
    name: 'order',
    env: orderEnv,
    async start(ctx) {
      const db = ctx.database();
      const events = await ctx.events(db);
      const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
      let remotes = overrides.remotes;
      if (!remotes) {
        const grpc = grpcRemotes(ctx.config, overrides.serviceToken ?? serviceTokenFrom(ctx.config));
        ctx.onStop(() => grpc.close());
        remotes = grpc;
      }
      const container = createContainer({ config: ctx.config, logger: ctx.logger, db, verifier, remotes });

      const sagas = await SagaOrchestrator.create({
        db,
        sagas: [
          checkoutSaga({
            uow: container.get<OrderUnitOfWork>(UNIT_OF_WORK),
            orders: container.get<OrderRepository>(ORDER_REPOSITORY),
            carts: container.get<CartRepository>(CART_REPOSITORY),
            stock: remotes.stock,
            discounts: remotes.discounts,
            payments: remotes.payments,
          }) as SagaDefinition<unknown>,
        ],
        logger: ctx.logger,
        metrics: ctx.metrics.registry,
      });
      ctx.onStop(() => sagas.close());
      container.bind(SAGA_ORCHESTRATOR).toConstantValue(sagas);
      // Checkouts a crash interrupted finish (or compensate) in the background while the service starts serving.
      void sagas.resumeUnfinished().catch((err: unknown) => ctx.logger.error({ err }, 'resuming unfinished checkouts failed'));

      const carts = container.get<CartRepository>(CART_REPOSITORY);
      const upkeep = ctx.housekeeping(db);
      upkeep.register({ name: 'prune-carts', run: () => carts.prune(ctx.config.CART_RETENTION_HOURS) });
      upkeep.register(pruneFinishedSagasTask(db));

      const subscription = await consumeShippingEvents({
        transport: events.transport,
        uow: container.get<OrderUnitOfWork>(UNIT_OF_WORK),
        fulfilment: container.get(FulfilmentUseCase),
        logger: ctx.logger,
        metrics: ctx.metrics.registry,
      });
      ctx.onStop(() => subscription.stop());

      const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
      const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: orderOpenApi });
      return { http: http.url, grpc: grpc.address };
    },
  };
}

export const orderService = orderServiceWith();

export function startOrder(env: Record<string, string | undefined>, shared: SharedResources = {}, overrides: OrderOverrides = {}): Promise<RunningService> {
  return runService(orderServiceWith(overrides), env, shared);
}

await runServiceMain(import.meta.url, orderService);
