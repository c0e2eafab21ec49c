// Payments in PostgreSQL. Every change goes through `lock` (SELECT ... FOR UPDATE) first, so the synchronous path
// and a webhook about the same payment take turns.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Payment, PaymentChange } from '../biz/payment.js';
import type { NewPayment, PaymentRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { toPayment, type PaymentRow } from './rows.js';

const TABLE = 'payments';

const COLUMNS: Record<keyof PaymentChange, string> = {
  status: 'status',
  authorizedMinor: 'authorized_minor',
  capturedMinor: 'captured_minor',
  refundedMinor: 'refunded_minor',
  providerReference: 'provider_reference',
  failureCode: 'failure_code',
  nextActionUrl: 'next_action_url',
};

@injectable()
export class KnexPaymentRepository implements PaymentRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async insertOrGet(tx: Transaction, payment: NewPayment): Promise<Payment> {
    const trx = knexTransaction(tx);
    // A concurrent duplicate waits here on the unique index until the first insert commits, then reads its row.
    const [inserted] = await trx(TABLE)
      .insert({
        order_id: payment.orderId,
        customer_id: payment.customerId,
        provider: payment.provider,
        idempotency_key: payment.idempotencyKey,
        request_hash: payment.requestHash,
        currency: payment.currency,
        amount_minor: payment.amountMinor,
      })
      .onConflict(['provider', 'idempotency_key'])
      .ignore()
      .returning<PaymentRow[]>('*');
    if (inserted) return toPayment(inserted);
    const existing = await trx(TABLE).where({ provider: payment.provider, idempotency_key: payment.idempotencyKey }).first<PaymentRow>();
    return toPayment(existing!);
  }

  async lock(tx: Transaction, id: string): Promise<Payment | undefined> {
    const row = await knexTransaction(tx)(TABLE).where({ id }).forUpdate().first<PaymentRow | undefined>();
    return row && toPayment(row);
  }

  async lockByProviderReference(tx: Transaction, provider: string, reference: string): Promise<Payment | undefined> {
    const row = await knexTransaction(tx)(TABLE).where({ provider, provider_reference: reference }).forUpdate().first<PaymentRow | undefined>();
    return row && toPayment(row);
  }

  async update(tx: Transaction, id: string, change: PaymentChange): Promise<Payment> {
    const values: Record<string, unknown> = { updated_at: knexTransaction(tx).fn.now() };
    for (const [field, value] of Object.entries(change)) if (value !== undefined) values[COLUMNS[field as keyof PaymentChange]] = value;
    const [row] = await knexTransaction(tx)(TABLE).where({ id }).update(values).returning<PaymentRow[]>('*');
    return toPayment(row!);
  }

  async get(id: string): Promise<Payment | undefined> {
    const row = await this.db(TABLE).where({ id }).first<PaymentRow | undefined>();
    return row && toPayment(row);
  }

  async listByOrder(orderId: string): Promise<Payment[]> {
    const rows = await this.db(TABLE).where({ order_id: orderId }).orderBy([{ column: 'created_at' }, { column: 'id' }]).select<PaymentRow[]>('*');
    return rows.map(toPayment);
  }
}
