// The one place that knows the whole graph: what main.ts opened (database, verifier, the other services behind
// their ports) plus one module per layer.
import 'reflect-metadata';
import { Container } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { JwtVerifier } from '@ecommerce/common/http';
import type { Logger } from '@ecommerce/common/logger';
import { bizModule } from './biz/module.js';
import { ORDER_LOGGER } from './biz/manage-orders.js';
import { DISCOUNTS, ORDER_SETTINGS, PAYMENTS, PRICES, SHIPPING_RATES, STOCK, type OrderSettings } from './biz/ports.js';
import type { OrderConfig } from './config.js';
import type { RemotePorts } from './data/grpc-remotes.js';
import { dataModule } from './data/module.js';
import { serverModule } from './server/module.js';
import { serviceModule } from './service/module.js';
import { TOKENS } from './tokens.js';

export interface Infrastructure {
  config: OrderConfig;
  logger: Logger;
  db: Knex;
  verifier: JwtVerifier;
  remotes: RemotePorts;
}

export function createContainer(infra: Infrastructure): Container {
  const container = new Container({ defaultScope: 'Singleton' });
  container.bind(TOKENS.Config).toConstantValue(infra.config);
  container.bind(TOKENS.Logger).toConstantValue(infra.logger);
  container.bind(ORDER_LOGGER).toConstantValue(infra.logger);
  container.bind(TOKENS.Database).toConstantValue(infra.db);
  container.bind(TOKENS.Verifier).toConstantValue(infra.verifier);
  container.bind(PRICES).toConstantValue(infra.remotes.prices);
  container.bind(DISCOUNTS).toConstantValue(infra.remotes.discounts);
  container.bind(STOCK).toConstantValue(infra.remotes.stock);
  container.bind(PAYMENTS).toConstantValue(infra.remotes.payments);
  container.bind(SHIPPING_RATES).toConstantValue(infra.remotes.shippingRates);
  const settings: OrderSettings = {
    guestCartTtlHours: infra.config.GUEST_CART_TTL_HOURS,
    customerCartTtlHours: infra.config.CUSTOMER_CART_TTL_HOURS,
    checkoutLeaseSeconds: infra.config.CHECKOUT_LEASE_SECONDS,
    maxCheckoutsInFlight: infra.config.CHECKOUT_MAX_IN_FLIGHT,
    cartRetentionHours: infra.config.CART_RETENTION_HOURS,
  };
  container.bind(ORDER_SETTINGS).toConstantValue(settings);
  container.load(dataModule, bizModule, serviceModule, serverModule);
  return container;
}
