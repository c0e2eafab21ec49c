// The use cases; they depend only on the ports bound by the data module.
import { ContainerModule } from 'inversify';
import { DeleteReviewUseCase } from './delete-review.js';
import { ModerateReviewUseCase } from './moderate-review.js';
import { RatingBook } from './rating-book.js';
import { ReadReviewsUseCase } from './read-reviews.js';
import { RecordPurchasesUseCase } from './record-purchases.js';
import { ReplyToReviewUseCase } from './reply-to-review.js';
import { SubmitReviewUseCase } from './submit-review.js';
import { VoteHelpfulUseCase } from './vote-helpful.js';

export const bizModule = new ContainerModule(({ bind }) => {
  bind(RatingBook).toSelf().inSingletonScope();
  bind(SubmitReviewUseCase).toSelf().inSingletonScope();
  bind(ModerateReviewUseCase).toSelf().inSingletonScope();
  bind(ReplyToReviewUseCase).toSelf().inSingletonScope();
  bind(VoteHelpfulUseCase).toSelf().inSingletonScope();
  bind(DeleteReviewUseCase).toSelf().inSingletonScope();
  bind(ReadReviewsUseCase).toSelf().inSingletonScope();
  bind(RecordPurchasesUseCase).toSelf().inSingletonScope();
});
