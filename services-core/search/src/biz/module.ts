// The use cases; they depend only on the ports bound by the data module.
import { ContainerModule } from 'inversify';
import { CreateExampleUseCase } from './create-example.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(CreateExampleUseCase).toSelf().inSingletonScope();
});
