// The one place that knows the whole graph: what main.ts opened plus one module per layer, the clock and the
// carrier (the built-in simulated one; a real carrier would be bound here instead).
import 'reflect-metadata';
import { Container } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { Logger } from '@ecommerce/common/logger';
import type { Carrier } from './biz/carrier.js';
import { bizModule } from './biz/module.js';
import { CARRIER, CLOCK, type Clock } from './biz/ports.js';
import type { ShippingConfig } from './config.js';
import { dataModule } from './data/module.js';
import { SimulatedCarrier } from './providers/simulated-carrier.js';
import { serverModule } from './server/module.js';
import { serviceModule } from './service/module.js';
import { TOKENS } from './tokens.js';

export function createContainer(infra: { config: ShippingConfig; logger: Logger; db: Knex; clock: Clock }): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(infra.config);
  container.bind(TOKENS.Logger).toConstantValue(infra.logger);
  container.bind(TOKENS.Database).toConstantValue(infra.db);
  container.bind<Clock>(CLOCK).toConstantValue(infra.clock);
  container.bind<Carrier>(CARRIER).toConstantValue(new SimulatedCarrier(infra.clock));
  container.load(dataModule, bizModule, serviceModule, serverModule);
  return container;
}
