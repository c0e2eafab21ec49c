// Helpful votes in PostgreSQL: the (review, customer) primary key makes a repeated or concurrent vote a no-op.
import { injectable } from 'inversify';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { VoteRepository } from '../biz/ports.js';

@injectable()
export class KnexVoteRepository implements VoteRepository {
  async add(tx: Transaction, reviewId: string, customerId: string): Promise<boolean> {
    const inserted = await knexTransaction(tx)('review_votes')
      .insert({ review_id: reviewId, customer_id: customerId })
      .onConflict(['review_id', 'customer_id'])
      .ignore()
      .returning('review_id');
    return inserted.length > 0;
  }
}
