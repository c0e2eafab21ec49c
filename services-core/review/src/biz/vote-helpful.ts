// A helpful vote: one per customer per review (the vote's primary key decides, so concurrent repeats count once),
// on approved reviews only, never on one's own.
import { FailedPreconditionError, NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { REVIEW_REPOSITORY, UNIT_OF_WORK, VOTE_REPOSITORY, type ReviewRepository, type ReviewUnitOfWork, type VoteRepository } from './ports.js';
import type { Review } from './review.js';

@injectable()
export class VoteHelpfulUseCase {
  constructor(
    @inject(REVIEW_REPOSITORY) private readonly reviews: ReviewRepository,
    @inject(VOTE_REPOSITORY) private readonly votes: VoteRepository,
    @inject(UNIT_OF_WORK) private readonly uow: ReviewUnitOfWork,
  ) {}

  execute(input: { reviewId: string; customerId: string }): Promise<{ review: Review; counted: boolean }> {
    return this.uow.run(async (tx) => {
      // Locked: a concurrent deletion waits, so the vote never points at a review that is gone.
      const review = await this.reviews.lock(tx, input.reviewId);
      if (review.status !== 'approved') throw new NotFoundError('review', input.reviewId);
      if (review.customerId === input.customerId) throw new FailedPreconditionError('a review cannot be voted helpful by its author');
      const counted = await this.votes.add(tx, review.id, input.customerId);
      return { review: counted ? await this.reviews.addHelpful(tx, review.id) : review, counted };
    });
  }
}
