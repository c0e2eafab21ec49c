// The shape every later operation (capture, void, refund) shares: under the payment row's lock, replay the call
// already answered for this idempotency key, else check the state machine, call the provider with the key, record
// the transaction and apply the change in the same database transaction. A provider that refuses or does not
// answer leaves a failed / error transaction record and the payment unchanged, and the RPC fails with that reason.
import { NotFoundError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { keyReusedError } from './idempotency.js';
import type { Payment, PaymentChange } from './payment.js';
import {
  PAYMENT_PROVIDERS,
  PAYMENT_REPOSITORY,
  TRANSACTION_REPOSITORY,
  UNIT_OF_WORK,
  type PaymentEvents,
  type PaymentProviders,
  type PaymentRepository,
  type PaymentUnitOfWork,
  type TransactionRepository,
} from './ports.js';
import { ProviderRefusedError, ProviderUnavailableError, type CallOptions, type OperationResult, type PaymentProvider } from './provider.js';
import { callProvider } from './provider-call.js';
import type { TransactionKind } from './transaction.js';

export interface ProviderOperation {
  kind: Exclude<TransactionKind, 'authorize'>;
  paymentId: string;
  idempotencyKey: string;
  requestHash: string;
  reason?: string;
  /** The amount and change the operation makes, refused by the state machine when illegal; undefined = nothing to do. */
  plan(payment: Payment): { amountMinor: number; change: PaymentChange } | undefined;
  /** Not called when the payment never reached the provider (no reference yet): the change is then local only. */
  call(provider: PaymentProvider, providerReference: string, amountMinor: number, options: CallOptions): Promise<OperationResult>;
  announce(events: PaymentEvents, payment: Payment, amountMinor: number): void;
}

@injectable()
export class ProviderOperationRunner {
  constructor(
    @inject(PAYMENT_REPOSITORY) private readonly payments: PaymentRepository,
    @inject(TRANSACTION_REPOSITORY) private readonly transactions: TransactionRepository,
    @inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    @inject(UNIT_OF_WORK) private readonly uow: PaymentUnitOfWork,
  ) {}

  async run(operation: ProviderOperation): Promise<Payment> {
    const outcome = await this.uow.run(async (tx, events): Promise<{ payment: Payment; error?: Error }> => {
      const payment = await this.payments.lock(tx, operation.paymentId);
      if (!payment) throw new NotFoundError('payment', operation.paymentId);
      const prior = await this.transactions.findByKey(tx, payment.provider, operation.idempotencyKey);
      if (prior) {
        if (prior.requestHash !== operation.requestHash || prior.paymentId !== payment.id) throw keyReusedError(operation.idempotencyKey);
        return prior.outcome === 'failed' ? { payment, error: new ProviderRefusedError(payment.provider, prior.failureCode) } : { payment };
      }
      const plan = operation.plan(payment);
      if (!plan) return { payment };
      const provider = this.providers.get(payment.provider);
      let providerReference = '';
      if (payment.providerReference) {
        if (!provider) throw new ProviderUnavailableError(payment.provider, 'provider_unavailable');
        try {
          const timing = { idempotencyKey: operation.idempotencyKey, timeoutMs: this.providers.timeoutMs };
          ({ providerReference } = await callProvider(provider.name, timing, (options) => operation.call(provider, payment.providerReference!, plan.amountMinor, options)));
        } catch (err) {
          if (!(err instanceof ProviderRefusedError || err instanceof ProviderUnavailableError)) throw err;
          await this.record(tx, operation, payment, plan.amountMinor, err instanceof ProviderRefusedError ? 'failed' : 'error', '', err.code);
          return { payment, error: err };
        }
      }
      await this.record(tx, operation, payment, plan.amountMinor, 'succeeded', providerReference, '');
      const updated = await this.payments.update(tx, payment.id, plan.change);
      operation.announce(events, updated, plan.amountMinor);
      return { payment: updated };
    });
    if (outcome.error) throw outcome.error;
    return outcome.payment;
  }

  private record(
    tx: Parameters<TransactionRepository['record']>[0],
    operation: ProviderOperation,
    payment: Payment,
    amountMinor: number,
    outcome: 'succeeded' | 'failed' | 'error',
    providerReference: string,
    failureCode: string,
  ) {
    return this.transactions.record(tx, {
      paymentId: payment.id,
      provider: payment.provider,
      kind: operation.kind,
      amountMinor,
      outcome,
      source: 'api',
      idempotencyKey: operation.idempotencyKey,
      requestHash: operation.requestHash,
      providerReference,
      failureCode,
      reason: operation.reason ?? '',
    });
  }
}
