// The use cases; they depend only on the ports bound by the data module and the container.
import { ContainerModule } from 'inversify';
import { RebuildIndexUseCase } from './rebuild-index.js';
import { SearchProductsUseCase } from './search-products.js';
import { UpdateIndexUseCase } from './update-index.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(UpdateIndexUseCase).toSelf().inSingletonScope();
  bind(SearchProductsUseCase).toSelf().inSingletonScope();
  bind(RebuildIndexUseCase).toSelf().inSingletonScope();
});
