// Capturing part or all of what is authorized (0 = everything still capturable); may be repeated for the rest.
import { inject, injectable } from 'inversify';
import { operationFingerprint } from './idempotency.js';
import { captureChange, type Payment } from './payment.js';
import { paymentEvents } from './payment-events.js';
import { ProviderOperationRunner } from './provider-operation.js';

@injectable()
export class CapturePaymentUseCase {
  constructor(@inject(ProviderOperationRunner) private readonly runner: ProviderOperationRunner) {}

  execute(input: { paymentId: string; amountMinor: number; idempotencyKey: string }): Promise<Payment> {
    return this.runner.run({
      kind: 'capture',
      paymentId: input.paymentId,
      idempotencyKey: input.idempotencyKey,
      requestHash: operationFingerprint(['capture', input.paymentId, input.amountMinor]),
      plan: (payment) => captureChange(payment, input.amountMinor),
      call: (provider, reference, amountMinor, options) => provider.capture(reference, amountMinor, options),
      announce: paymentEvents.captured,
    });
  }
}
