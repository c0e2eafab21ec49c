// The use cases; they depend only on the ports bound by the data module (and the saga orchestrator from main.ts).
import { ContainerModule } from 'inversify';
import { CartPricer } from './cart-pricer.js';
import { CheckoutUseCase } from './checkout.js';
import { FulfilmentUseCase } from './fulfilment.js';
import { ManageCartUseCase } from './manage-cart.js';
import { ManageOrdersUseCase } from './manage-orders.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(CartPricer).toSelf().inSingletonScope();
  bind(ManageCartUseCase).toSelf().inSingletonScope();
  bind(CheckoutUseCase).toSelf().inSingletonScope();
  bind(ManageOrdersUseCase).toSelf().inSingletonScope();
  bind(FulfilmentUseCase).toSelf().inSingletonScope();
});
