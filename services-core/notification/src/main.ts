// The notification service: its gRPC API on 9009, probes and metrics on 8009, the consumer of auth, customer,
// order, payment and shipping events that records notifications, and the dispatcher that sends them. Started
// through the kit's one composition root, as a process (`node dist/main.js`) or hosted by the runner and the tests.
import type { GrpcServiceRegistration } from '@ecommerce/common/grpc';
import { verifierFromEnv } from '@ecommerce/common/http';
import { runService, runServiceMain, startCoreServers, type RunningService, type ServiceDefinition, type SharedResources } from '@ecommerce/common/lifecycle';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { DispatchNotificationsUseCase } from './biz/dispatch-notifications.js';
import type { Clock } from './biz/ports.js';
import { notificationEnv } from './config.js';
import { createContainer } from './container.js';
import { startDispatcherLoop, type DispatcherLoop } from './dispatch/dispatcher-loop.js';
import { startNotificationConsumer } from './events/notification-consumer.js';
import { LoggingPushProvider, LoggingSmsProvider } from './providers/logging-providers.js';
import { SmtpEmailProvider } from './providers/smtp-email-provider.js';
import { GRPC_SERVICES } from './server/module.js';
import { notificationOpenApi } from './service/openapi.js';

export interface NotificationHooks {
  /** The time as the service sees it (when a retry is due); the system clock by default. */
  clock?: Clock;
  /** Given the dispatcher once it runs (tests run a round with runOnce() after moving the clock). */
  onDispatcher?: (dispatcher: DispatcherLoop) => void;
}

const systemClock: Clock = { now: () => new Date() };

export function notificationServiceWith(hooks: NotificationHooks = {}): ServiceDefinition<typeof notificationEnv> {
  return {
    name: 'notification',
    env: notificationEnv,
    async start(ctx) {
      const db = ctx.database();
      const events = await ctx.events(db);
      const verifier = verifierFromEnv(ctx.config, (m) => ctx.logger.warn(m));
      const email = new SmtpEmailProvider(ctx.config.SMTP_URL, ctx.config.MAIL_FROM);
      ctx.onStop(() => email.close());
      const providers = { email, sms: new LoggingSmsProvider(ctx.logger), push: new LoggingPushProvider(ctx.logger) };
      const container = createContainer({ config: ctx.config, logger: ctx.logger, db, clock: hooks.clock ?? systemClock, providers });
      const dispatcher = startDispatcherLoop(container.get(DispatchNotificationsUseCase), ctx.config.NOTIFY_DISPATCH_INTERVAL_MS, ctx.logger);
      ctx.onStop(() => dispatcher.stop());
      hooks.onDispatcher?.(dispatcher);
      const consumer = await startNotificationConsumer({ transport: events.transport, container, logger: ctx.logger, metrics: ctx.metrics });
      ctx.onStop(() => consumer.stop());
      const services = container.get<GrpcServiceRegistration[]>(GRPC_SERVICES);
      const { grpc, http } = await startCoreServers(ctx, { container, services, verifier, descriptorSet: readDescriptorSet(), db, openApi: notificationOpenApi });
      return { http: http.url, grpc: grpc.address };
    },
  };
}

export const notificationService = notificationServiceWith();

export function startNotification(env: Record<string, string | undefined>, shared: SharedResources = {}, hooks: NotificationHooks = {}): Promise<RunningService> {
  return runService(hooks.clock || hooks.onDispatcher ? notificationServiceWith(hooks) : notificationService, env, shared);
}

await runServiceMain(import.meta.url, notificationService);
