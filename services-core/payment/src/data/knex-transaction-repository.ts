// The record of every provider call and of every change a webhook reported.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { TransactionRepository } from '../biz/ports.js';
import type { NewTransaction, PaymentTransaction } from '../biz/transaction.js';
import { TOKENS } from '../tokens.js';
import { toTransaction, type TransactionRow } from './rows.js';

const TABLE = 'payment_transactions';

@injectable()
export class KnexTransactionRepository implements TransactionRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async record(tx: Transaction, t: NewTransaction): Promise<PaymentTransaction> {
    const [row] = await knexTransaction(tx)(TABLE)
      .insert({
        payment_id: t.paymentId,
        provider: t.provider,
        kind: t.kind,
        amount_minor: t.amountMinor,
        outcome: t.outcome,
        source: t.source,
        idempotency_key: t.idempotencyKey,
        request_hash: t.requestHash,
        provider_reference: t.providerReference,
        failure_code: t.failureCode,
        reason: t.reason,
      })
      .returning<TransactionRow[]>('*');
    return toTransaction(row!);
  }

  async findByKey(tx: Transaction, provider: string, idempotencyKey: string): Promise<PaymentTransaction | undefined> {
    const row = await knexTransaction(tx)(TABLE)
      .where({ provider, idempotency_key: idempotencyKey })
      .whereNot({ outcome: 'error' })
      .first<TransactionRow | undefined>();
    return row && toTransaction(row);
  }

  async listByPayments(paymentIds: string[]): Promise<PaymentTransaction[]> {
    if (paymentIds.length === 0) return [];
    const rows = await this.db(TABLE).whereIn('payment_id', paymentIds).orderBy([{ column: 'created_at' }, { column: 'id' }]).select<TransactionRow[]>('*');
    return rows.map(toTransaction);
  }
}
