// The use cases; they depend only on the ports bound by the data module.
import { ContainerModule } from 'inversify';
import { EvaluateCartUseCase } from './evaluate-cart.js';
import { ManageCampaignsUseCase } from './manage-campaigns.js';
import { ManageCodesUseCase } from './manage-codes.js';
import { ManagePromotionsUseCase } from './manage-promotions.js';
import { ReserveUsageUseCase } from './reserve-usage.js';
import { SettleUsageUseCase } from './settle-usage.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(ManagePromotionsUseCase).toSelf().inSingletonScope();
  bind(ManageCampaignsUseCase).toSelf().inSingletonScope();
  bind(ManageCodesUseCase).toSelf().inSingletonScope();
  bind(EvaluateCartUseCase).toSelf().inSingletonScope();
  bind(ReserveUsageUseCase).toSelf().inSingletonScope();
  bind(SettleUsageUseCase).toSelf().inSingletonScope();
});
