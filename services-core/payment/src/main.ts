// The payment service: its gRPC API on 9005; probes, metrics and provider webhooks on HTTP 8005. Started through
// the kit's one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { HandleProviderWebhookUseCase } from './biz/handle-provider-webhook.js';
import { WEBHOOK_EVENT_REPOSITORY, type Clock } from './biz/ports.js';
import { paymentEnv } from './config.js';
import { createContainer } from './container.js';
import type { KnexWebhookEventRepository } from './data/knex-webhook-event-repository.js';
import { createProviderRegistry, createTestProvider } from './providers/create-providers.js';
import { mountTestActionRoutes, TEST_ACTION_PATH } from './providers/test-provider/test-action-routes.js';
import type { TestPaymentProvider } from './providers/test-provider/test-payment-provider.js';
import { GRPC_SERVICES } from './server/module.js';
import { paymentOpenApi } from './service/openapi.js';
import { mountWebhookRoutes } from './service/webhook-routes.js';

/** What a host (tests) may hand in instead of what the configuration would make. */
export interface PaymentOverrides {
  /** A test provider the host controls (webhook delivery, 3-D Secure completion, counts). */
  testProvider?: TestPaymentProvider;
  clock?: Clock;
}

export function paymentServiceWith(overrides: PaymentOverrides = {}): ServiceDefinition<typeof paymentEnv> {
  return {
    name: 'payment',
    env: paymentEnv,
    async start(ctx) {
      const db = ctx.database();
      await ctx.events(db);
      const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
      const testProvider = ctx.config.TEST_PROVIDER_ENABLED ? (overrides.testProvider ?? createTestProvider(ctx.config, ctx.logger)) : undefined;
      const providers = createProviderRegistry(ctx.config, testProvider);
      const clock = overrides.clock ?? { now: () => new Date() };
      const container = createContainer({ config: ctx.config, logger: ctx.logger, db, providers, clock });
      const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
      const webhookEvents = container.get<KnexWebhookEventRepository>(WEBHOOK_EVENT_REPOSITORY);
      ctx.housekeeping(db).register({ name: 'prune-webhook-events', run: () => webhookEvents.prune() });
      const { grpc, http } = await startCoreServers(ctx, {
        container,
        services,
        verifier,
        descriptorSet: readDescriptorSet(),
        db,
        openApi: paymentOpenApi,
        httpRoutes: (app) => {
          mountWebhookRoutes(app, container.get(HandleProviderWebhookUseCase));
          if (testProvider) mountTestActionRoutes(app, testProvider);
        },
      });
      if (testProvider) {
        testProvider.webhooks.useUrl(ctx.config.TEST_PROVIDER_WEBHOOK_URL ?? `${http.url}/api/v1/payments/webhooks/test`);
        testProvider.useActionBaseUrl(`${http.url}${TEST_ACTION_PATH}`);
        // Registered last, so run first on stop: deliveries in flight finish while the HTTP server still answers.
        ctx.onStop(() => testProvider.webhooks.idle());
      }
      return { http: http.url, grpc: grpc.address };
    },
  };
}

export const paymentService = paymentServiceWith();

export function startPayment(env: Record<string, string | undefined>, shared: SharedResources = {}, overrides: PaymentOverrides = {}): Promise<RunningService> {
  return runService(paymentServiceWith(overrides), env, shared);
}

await runServiceMain(import.meta.url, paymentService);
