// The use cases; they depend only on the ports bound by the data module.
import { ContainerModule } from 'inversify';
import { AdjustPointsUseCase } from './adjust-points.js';
import { EarnFromOrderUseCase } from './earn-from-order.js';
import { ExpirePointsUseCase } from './expire-points.js';
import { ManageRedemptionsUseCase } from './manage-redemptions.js';
import { OpenAccountUseCase } from './open-account.js';
import { PointsBook } from './points-book.js';
import { ReadAccountUseCase } from './read-account.js';
import { ReferralsUseCase } from './referrals.js';
import { ReverseOrderPointsUseCase } from './reverse-order-points.js';
import { RewardReviewUseCase } from './reward-review.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(PointsBook).toSelf().inSingletonScope();
  bind(ReadAccountUseCase).toSelf().inSingletonScope();
  bind(OpenAccountUseCase).toSelf().inSingletonScope();
  bind(AdjustPointsUseCase).toSelf().inSingletonScope();
  bind(EarnFromOrderUseCase).toSelf().inSingletonScope();
  bind(ReverseOrderPointsUseCase).toSelf().inSingletonScope();
  bind(ManageRedemptionsUseCase).toSelf().inSingletonScope();
  bind(ExpirePointsUseCase).toSelf().inSingletonScope();
  bind(ReferralsUseCase).toSelf().inSingletonScope();
  bind(RewardReviewUseCase).toSelf().inSingletonScope();
});
