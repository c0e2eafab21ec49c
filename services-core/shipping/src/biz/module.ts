// The use cases; they depend only on the ports bound by the data module and the container.
import { ContainerModule } from 'inversify';
import { AdvanceTrackingUseCase } from './advance-tracking.js';
import { CreateReturnUseCase } from './create-return.js';
import { CreateShipmentUseCase } from './create-shipment.js';
import { FindShipmentsUseCase } from './find-shipments.js';
import { ManageZonesUseCase } from './manage-zones.js';
import { QuoteRatesUseCase } from './quote-rates.js';
import { ShipmentLifecycleUseCase } from './shipment-lifecycle.js';
import { ShipmentTransitions } from './shipment-transitions.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(AdvanceTrackingUseCase).toSelf().inSingletonScope();
  bind(CreateReturnUseCase).toSelf().inSingletonScope();
  bind(CreateShipmentUseCase).toSelf().inSingletonScope();
  bind(FindShipmentsUseCase).toSelf().inSingletonScope();
  bind(ManageZonesUseCase).toSelf().inSingletonScope();
  bind(QuoteRatesUseCase).toSelf().inSingletonScope();
  bind(ShipmentLifecycleUseCase).toSelf().inSingletonScope();
  bind(ShipmentTransitions).toSelf().inSingletonScope();
});
