// Points accounts in PostgreSQL; `lock` is the row lock that serialises every change of an account.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Account } from '../biz/account.js';
import type { AccountRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { toAccount, type AccountRow } from './rows.js';

@injectable()
export class KnexAccountRepository implements AccountRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async ensure(tx: Transaction, customerId: string, referralCode: string, now: Date): Promise<{ account: Account; created: boolean }> {
    const trx = knexTransaction(tx);
    // A concurrent insert of the same customer waits for the other transaction, then does nothing.
    const [inserted] = await trx('accounts')
      .insert({ customer_id: customerId, referral_code: referralCode, created_at: now })
      .onConflict('customer_id')
      .ignore()
      .returning<AccountRow[]>('*');
    if (inserted) return { account: toAccount(inserted), created: true };
    const row = await trx('accounts').where({ customer_id: customerId }).first<AccountRow>();
    return { account: toAccount(row), created: false };
  }

  async lock(tx: Transaction, customerId: string): Promise<Account | undefined> {
    const row = await knexTransaction(tx)('accounts').where({ customer_id: customerId }).forUpdate().first<AccountRow | undefined>();
    return row ? toAccount(row) : undefined;
  }

  async find(customerId: string): Promise<Account | undefined> {
    const row = await this.db('accounts').where({ customer_id: customerId }).first<AccountRow | undefined>();
    return row ? toAccount(row) : undefined;
  }

  async findByReferralCode(code: string): Promise<Account | undefined> {
    const row = await this.db('accounts').where({ referral_code: code }).first<AccountRow | undefined>();
    return row ? toAccount(row) : undefined;
  }

  async setBalance(tx: Transaction, customerId: string, balance: number): Promise<void> {
    await knexTransaction(tx)('accounts').where({ customer_id: customerId }).update({ balance });
  }

  async setReferredBy(tx: Transaction, customerId: string, referrerId: string): Promise<void> {
    await knexTransaction(tx)('accounts').where({ customer_id: customerId }).update({ referred_by: referrerId });
  }
}
