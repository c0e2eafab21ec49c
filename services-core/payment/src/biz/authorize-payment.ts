// Authorizing an order's amount. The payment row is claimed by (provider, idempotency key) and committed first;
// the provider is then called under the row's lock, so concurrent duplicates wait and answer what the first one
// stored, and a webhook about the payment is applied after the synchronous answer, never beside it. A payment
// left pending by a crash is asked again with the same key, which the provider replays.
import { ValidationError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { keyReusedError, operationFingerprint } from './idempotency.js';
import { authorizationOutcomeChange, type Payment, type PaymentChange } from './payment.js';
import { recordAuthorizationOutcome } from './payment-events.js';
import {
  PAYMENT_PROVIDERS,
  PAYMENT_REPOSITORY,
  TRANSACTION_REPOSITORY,
  UNIT_OF_WORK,
  type PaymentProviders,
  type PaymentRepository,
  type PaymentUnitOfWork,
  type TransactionRepository,
} from './ports.js';
import { ProviderRefusedError, ProviderUnavailableError, type AuthorizeResult, type PaymentProvider } from './provider.js';
import { callProvider } from './provider-call.js';
import type { TransactionOutcome } from './transaction.js';

export interface AuthorizePaymentInput {
  orderId: string;
  customerId: string;
  amountMinor: number;
  currency: string;
  paymentMethod: string;
  idempotencyKey: string;
  /** '' = the configured default. */
  provider: string;
}

@injectable()
export class AuthorizePaymentUseCase {
  constructor(
    @inject(PAYMENT_REPOSITORY) private readonly payments: PaymentRepository,
    @inject(TRANSACTION_REPOSITORY) private readonly transactions: TransactionRepository,
    @inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    @inject(UNIT_OF_WORK) private readonly uow: PaymentUnitOfWork,
  ) {}

  async execute(input: AuthorizePaymentInput): Promise<Payment> {
    const provider = this.providerFor(input);
    const requestHash = operationFingerprint(['authorize', input.orderId, input.customerId, input.amountMinor, input.currency, input.paymentMethod]);
    const claimed = await this.uow.run(async (tx) => {
      const other = await this.transactions.findByKey(tx, provider.name, input.idempotencyKey);
      if (other && other.kind !== 'authorize') throw keyReusedError(input.idempotencyKey);
      return this.payments.insertOrGet(tx, { ...input, provider: provider.name, requestHash });
    });
    if (claimed.requestHash !== requestHash) throw keyReusedError(input.idempotencyKey);

    return this.uow.run(async (tx, events) => {
      const payment = (await this.payments.lock(tx, claimed.id))!;
      if (payment.status !== 'pending') return payment;
      const { result, outcome } = await this.ask(provider, payment, input);
      await this.transactions.record(tx, {
        paymentId: payment.id,
        provider: provider.name,
        kind: 'authorize',
        amountMinor: payment.amountMinor,
        outcome,
        source: 'api',
        idempotencyKey: input.idempotencyKey,
        requestHash,
        providerReference: result.providerReference,
        failureCode: result.failureCode ?? '',
        reason: '',
      });
      const change: PaymentChange = authorizationOutcomeChange(payment, { ...result, status: result.outcome }) ?? {};
      const updated = await this.payments.update(tx, payment.id, change);
      recordAuthorizationOutcome(events, updated);
      return updated;
    });
  }

  /**
   * The provider's answer. A refusal fails the payment with the provider's code; an answer that never came (timeout,
   * unreachable) fails it with that code, so the saga gets a definite answer. The test provider's timeout card never
   * authorizes; see the README for real providers.
   */
  private async ask(provider: PaymentProvider, payment: Payment, input: AuthorizePaymentInput): Promise<{ result: AuthorizeResult; outcome: TransactionOutcome }> {
    try {
      const result = await callProvider(provider.name, { idempotencyKey: input.idempotencyKey, timeoutMs: this.providers.timeoutMs }, (options) =>
        provider.authorize({ paymentId: payment.id, orderId: payment.orderId, amountMinor: payment.amountMinor, currency: payment.currency, paymentMethod: input.paymentMethod }, options),
      );
      return { result, outcome: result.outcome === 'authorized' ? 'succeeded' : result.outcome };
    } catch (err) {
      // Refused outright (an unknown payment method at Stripe ...): a definite failure, replayed like a decline.
      if (err instanceof ProviderRefusedError) return { result: { outcome: 'failed', providerReference: '', failureCode: err.code }, outcome: 'failed' };
      if (!(err instanceof ProviderUnavailableError)) throw err;
      return { result: { outcome: 'failed', providerReference: '', failureCode: err.code }, outcome: 'error' };
    }
  }

  private providerFor(input: AuthorizePaymentInput): PaymentProvider {
    const name = input.provider || this.providers.defaultName;
    const provider = this.providers.get(name);
    if (!provider) throw new ValidationError([{ field: 'provider', message: `must be one of the configured providers: ${this.providers.names().join(', ')}` }]);
    const problem = provider.checkPaymentMethod(input.paymentMethod);
    if (problem) throw new ValidationError([{ field: 'payment_method', message: problem }]);
    return provider;
  }
}
