// Knex implementations of biz's ports (the Knex instance itself is bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import {
  CART_PRICING_READER,
  CATALOG_SKU_REPOSITORY,
  CLOCK,
  PRICE_LIST_REPOSITORY,
  PRICE_REPOSITORY,
  TAX_REPOSITORY,
  UNIT_OF_WORK,
  type Clock,
} from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { KnexCartPricingReader } from './knex-cart-pricing-reader.js';
import { KnexCatalogSkuRepository } from './knex-catalog-sku-repository.js';
import { KnexPriceListRepository } from './knex-price-list-repository.js';
import { KnexPriceRepository } from './knex-price-repository.js';
import { KnexTaxRepository } from './knex-tax-repository.js';

const systemClock: Clock = { now: () => new Date() };

export const dataModule = new ContainerModule(({ bind }) => {
  bind(PRICE_REPOSITORY).to(KnexPriceRepository).inSingletonScope();
  bind(PRICE_LIST_REPOSITORY).to(KnexPriceListRepository).inSingletonScope();
  bind(TAX_REPOSITORY).to(KnexTaxRepository).inSingletonScope();
  bind(CATALOG_SKU_REPOSITORY).to(KnexCatalogSkuRepository).inSingletonScope();
  bind(CART_PRICING_READER).to(KnexCartPricingReader).inSingletonScope();
  bind(CLOCK).toConstantValue(systemClock);
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'pricing' }))
    .inSingletonScope();
});
