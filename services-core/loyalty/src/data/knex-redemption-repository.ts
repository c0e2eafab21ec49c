// Checkout redemptions by reference.
import { inject, injectable } from 'inversify';
import { AlreadyExistsError } from '@ecommerce/common/errors';
import { withConstraintErrors, type Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Redemption, RedemptionStatus } from '../biz/account.js';
import type { RedemptionRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { toRedemption, type RedemptionRow } from './rows.js';

const WRITE_ERRORS = {
  // Another reservation, or the release of the reference, got there first: the later one is refused.
  redemptions_pkey: () => new AlreadyExistsError('the reference is used by another redemption', 'reference'),
};

@injectable()
export class KnexRedemptionRepository implements RedemptionRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async find(tx: Transaction | undefined, reference: string): Promise<Redemption | undefined> {
    const row = await (tx ? knexTransaction(tx) : this.db)('redemptions').where({ reference }).first<RedemptionRow | undefined>();
    return row ? toRedemption(row) : undefined;
  }

  async insert(tx: Transaction, redemption: Redemption, now: Date): Promise<void> {
    await withConstraintErrors(WRITE_ERRORS, () =>
      knexTransaction(tx)('redemptions').insert({
        reference: redemption.reference,
        customer_id: redemption.customerId,
        points: redemption.points,
        amount_minor: redemption.amountMinor,
        currency: redemption.currency,
        status: redemption.status,
        redeem_entry_id: redemption.redeemEntryId,
        created_at: now,
        updated_at: now,
      }),
    );
  }

  async insertReleased(tx: Transaction, reference: string, now: Date): Promise<boolean> {
    // A concurrent reserve of the reference holds the key until it commits; this insert waits for it.
    const inserted = await knexTransaction(tx)('redemptions')
      .insert({ reference, status: 'released', created_at: now, updated_at: now })
      .onConflict('reference')
      .ignore()
      .returning('reference');
    return inserted.length > 0;
  }

  async setStatus(tx: Transaction, reference: string, status: RedemptionStatus, now: Date): Promise<void> {
    await knexTransaction(tx)('redemptions').where({ reference }).update({ status, updated_at: now });
  }
}
