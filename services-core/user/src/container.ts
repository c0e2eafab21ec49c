// The one place that knows the whole graph: infrastructure from main.ts plus one module per layer.
import 'reflect-metadata';
import { Container } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { bizModule } from './biz/module.js';
import type { UserConfig } from './config.js';
import { dataModule } from './data/module.js';
import { serverModule } from './server/module.js';
import { serviceModule } from './service/module.js';
import { TOKENS } from './tokens.js';

export interface Infrastructure {
  config: UserConfig;
  logger: Logger;
  db: Knex;
  metrics: ServiceMetrics;
  verifier: JwtVerifier;
}

export function createContainer(infra: Infrastructure): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(infra.config);
  container.bind(TOKENS.Logger).toConstantValue(infra.logger);
  container.bind(TOKENS.Database).toConstantValue(infra.db);
  container.bind(TOKENS.Metrics).toConstantValue(infra.metrics);
  container.bind(TOKENS.JwtVerifier).toConstantValue(infra.verifier);
  container.load(dataModule, bizModule, serviceModule, serverModule);
  return container;
}
