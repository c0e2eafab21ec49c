// The use cases; they depend only on the ports bound by the data module.
import { ContainerModule } from 'inversify';
import { CalculatePricesUseCase } from './calculate-prices.js';
import { ManagePriceListsUseCase } from './manage-price-lists.js';
import { ManagePricesUseCase } from './manage-prices.js';
import { ManageTaxUseCase } from './manage-tax.js';
import { SyncCatalogSkusUseCase } from './sync-catalog-skus.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(CalculatePricesUseCase).toSelf().inSingletonScope();
  bind(ManagePricesUseCase).toSelf().inSingletonScope();
  bind(ManagePriceListsUseCase).toSelf().inSingletonScope();
  bind(ManageTaxUseCase).toSelf().inSingletonScope();
  bind(SyncCatalogSkusUseCase).toSelf().inSingletonScope();
});
