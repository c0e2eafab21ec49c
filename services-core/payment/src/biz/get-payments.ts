// Reading payments (staff): one by id, or every payment of an order; each with its transactions.
import { NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import type { Payment } from './payment.js';
import { PAYMENT_REPOSITORY, TRANSACTION_REPOSITORY, type PaymentRepository, type TransactionRepository } from './ports.js';
import type { PaymentTransaction } from './transaction.js';

export interface PaymentWithTransactions {
  payment: Payment;
  transactions: PaymentTransaction[];
}

@injectable()
export class GetPaymentsUseCase {
  constructor(
    @inject(PAYMENT_REPOSITORY) private readonly payments: PaymentRepository,
    @inject(TRANSACTION_REPOSITORY) private readonly transactions: TransactionRepository,
  ) {}

  async get(id: string): Promise<PaymentWithTransactions> {
    const payment = await this.payments.get(id);
    if (!payment) throw new NotFoundError('payment', id);
    return (await this.withTransactions([payment]))[0]!;
  }

  async listByOrder(orderId: string): Promise<PaymentWithTransactions[]> {
    return this.withTransactions(await this.payments.listByOrder(orderId));
  }

  /** Transactions for the answer of a write, too (one query per answer). */
  async withTransactions(payments: Payment[]): Promise<PaymentWithTransactions[]> {
    const all = await this.transactions.listByPayments(payments.map((p) => p.id));
    return payments.map((payment) => ({ payment, transactions: all.filter((t) => t.paymentId === payment.id) }));
  }
}
