// The use cases; they depend only on the ports bound by the data module.
import { ContainerModule } from 'inversify';
import { AdjustStockUseCase } from './adjust-stock.js';
import { CommitReservationUseCase } from './commit-reservation.js';
import { ExpireReservationsUseCase } from './expire-reservations.js';
import { ManageLocationsUseCase } from './manage-locations.js';
import { ManageStockItemsUseCase } from './manage-stock-items.js';
import { ReceiveStockUseCase } from './receive-stock.js';
import { ReleaseReservationUseCase } from './release-reservation.js';
import { ReserveStockUseCase } from './reserve-stock.js';
import { StockQueriesUseCase } from './stock-queries.js';
import { TransferStockUseCase } from './transfer-stock.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(ManageLocationsUseCase).toSelf().inSingletonScope();
  bind(ManageStockItemsUseCase).toSelf().inSingletonScope();
  bind(ReceiveStockUseCase).toSelf().inSingletonScope();
  bind(AdjustStockUseCase).toSelf().inSingletonScope();
  bind(TransferStockUseCase).toSelf().inSingletonScope();
  bind(ReserveStockUseCase).toSelf().inSingletonScope();
  bind(ReleaseReservationUseCase).toSelf().inSingletonScope();
  bind(CommitReservationUseCase).toSelf().inSingletonScope();
  bind(ExpireReservationsUseCase).toSelf().inSingletonScope();
  bind(StockQueriesUseCase).toSelf().inSingletonScope();
});
