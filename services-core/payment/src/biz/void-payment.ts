// Voiding (releasing) an authorization: the checkout saga's compensation of its payment step. A payment that
// failed or is already canceled is answered as it is, so the compensation may always run.
import { inject, injectable } from 'inversify';
import { operationFingerprint } from './idempotency.js';
import { needsVoid, type Payment } from './payment.js';
import { paymentEvents } from './payment-events.js';
import { ProviderOperationRunner } from './provider-operation.js';

@injectable()
export class VoidPaymentUseCase {
  constructor(@inject(ProviderOperationRunner) private readonly runner: ProviderOperationRunner) {}

  execute(input: { paymentId: string; idempotencyKey: string }): Promise<Payment> {
    return this.runner.run({
      kind: 'void',
      paymentId: input.paymentId,
      idempotencyKey: input.idempotencyKey,
      requestHash: operationFingerprint(['void', input.paymentId]),
      plan: (payment) => (needsVoid(payment) ? { amountMinor: payment.authorizedMinor, change: { status: 'canceled', nextActionUrl: '' } } : undefined),
      call: (provider, reference, _amountMinor, options) => provider.void(reference, options),
      announce: (events, payment) => paymentEvents.canceled(events, payment),
    });
  }
}
