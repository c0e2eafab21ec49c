// The one place that knows the whole graph: what main.ts opened plus one module per layer.
import 'reflect-metadata';
import { Container } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { Logger } from '@ecommerce/common/logger';
import { bizModule } from './biz/module.js';
import { CLOCK, WARNINGS, type Clock } from './biz/ports.js';
import type { SearchConfig } from './config.js';
import { dataModule } from './data/module.js';
import { systemClock } from './data/system-clock.js';
import { serverModule } from './server/module.js';
import { serviceModule } from './service/module.js';
import { TOKENS } from './tokens.js';

export function createContainer(infra: { config: SearchConfig; logger: Logger; db: Knex; clock?: Clock }): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(infra.config);
  container.bind(TOKENS.Logger).toConstantValue(infra.logger);
  container.bind(TOKENS.Database).toConstantValue(infra.db);
  container.bind(CLOCK).toConstantValue(infra.clock ?? systemClock);
  container.bind(WARNINGS).toConstantValue({ warn: (message: string) => infra.logger.warn(message) });
  container.load(dataModule, bizModule, serviceModule, serverModule);
  return container;
}
