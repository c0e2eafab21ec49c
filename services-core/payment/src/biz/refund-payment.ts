// Refunding part or all of what is captured; several refunds may follow one another up to the captured amount.
import { inject, injectable } from 'inversify';
import { operationFingerprint } from './idempotency.js';
import { refundChange, type Payment } from './payment.js';
import { paymentEvents } from './payment-events.js';
import { ProviderOperationRunner } from './provider-operation.js';

@injectable()
export class RefundPaymentUseCase {
  constructor(@inject(ProviderOperationRunner) private readonly runner: ProviderOperationRunner) {}

  execute(input: { paymentId: string; amountMinor: number; idempotencyKey: string; reason: string }): Promise<Payment> {
    return this.runner.run({
      kind: 'refund',
      paymentId: input.paymentId,
      idempotencyKey: input.idempotencyKey,
      requestHash: operationFingerprint(['refund', input.paymentId, input.amountMinor, input.reason]),
      reason: input.reason,
      plan: (payment) => ({ amountMinor: input.amountMinor, change: refundChange(payment, input.amountMinor) }),
      call: (provider, reference, amountMinor, options) => provider.refund(reference, amountMinor, input.reason, options),
      announce: (events, payment, amountMinor) => paymentEvents.refunded(events, payment, amountMinor, input.reason),
    });
  }
}
