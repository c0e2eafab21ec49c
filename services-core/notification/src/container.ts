// The one place that knows the whole graph: what main.ts opened (database, clock, channel providers) plus one
// module per layer, and the template library and retry policy made from the configuration.
import 'reflect-metadata';
import { Container } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { Logger } from '@ecommerce/common/logger';
import { bizModule } from './biz/module.js';
import type { RetryPolicy } from './biz/notification.js';
import { CHANNEL_PROVIDERS, CLOCK, RETRY_POLICY, TEMPLATE_RENDERER, type ChannelProviders, type Clock } from './biz/ports.js';
import type { NotificationConfig } from './config.js';
import { dataModule } from './data/module.js';
import { HandlebarsTemplateLibrary } from './rendering/template-library.js';
import { serverModule } from './server/module.js';
import { serviceModule } from './service/module.js';
import { TOKENS } from './tokens.js';

export function createContainer(infra: { config: NotificationConfig; logger: Logger; db: Knex; clock: Clock; providers: ChannelProviders }): Container {
  const { config } = infra;
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(config);
  container.bind(TOKENS.Logger).toConstantValue(infra.logger);
  container.bind(TOKENS.Database).toConstantValue(infra.db);
  container.bind(CLOCK).toConstantValue(infra.clock);
  container.bind(CHANNEL_PROVIDERS).toConstantValue(infra.providers);
  container.bind(TEMPLATE_RENDERER).toConstantValue(new HandlebarsTemplateLibrary({ name: config.SHOP_NAME, url: config.SHOP_URL.replace(/\/+$/, '') }));
  const retry: RetryPolicy = { maxAttempts: config.NOTIFY_MAX_ATTEMPTS, baseDelayMs: config.NOTIFY_RETRY_BASE_MS, maxDelayMs: config.NOTIFY_RETRY_MAX_MS };
  container.bind(RETRY_POLICY).toConstantValue(retry);
  container.load(dataModule, bizModule, serviceModule, serverModule);
  return container;
}
