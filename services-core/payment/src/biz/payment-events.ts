// The payment.payment integration events the use cases decide (proto/events/v1/payment.proto): the payment as it
// is after the change, plus the amount of the capture or refund that made it.
import type { PaymentSnapshot } from '@ecommerce/proto/events/v1/payment';
import type { Payment } from './payment.js';
import type { PaymentEvents } from './ports.js';

function snapshot(payment: Payment): PaymentSnapshot {
  return {
    id: payment.id,
    orderId: payment.orderId,
    customerId: payment.customerId,
    status: payment.status,
    amountMinor: payment.amountMinor,
    authorizedMinor: payment.authorizedMinor,
    capturedMinor: payment.capturedMinor,
    refundedMinor: payment.refundedMinor,
    currency: payment.currency,
    provider: payment.provider,
    failureCode: payment.failureCode,
    updateTime: payment.updatedAt,
  };
}

export const paymentEvents = {
  authorized: (events: PaymentEvents, payment: Payment) =>
    events.record('payment.payment.authorized', { subject: payment.id, data: { payment: snapshot(payment) } }),
  failed: (events: PaymentEvents, payment: Payment) => events.record('payment.payment.failed', { subject: payment.id, data: { payment: snapshot(payment) } }),
  canceled: (events: PaymentEvents, payment: Payment) =>
    events.record('payment.payment.canceled', { subject: payment.id, data: { payment: snapshot(payment) } }),
  captured: (events: PaymentEvents, payment: Payment, amountMinor: number) =>
    events.record('payment.payment.captured', { subject: payment.id, data: { payment: snapshot(payment), amountMinor } }),
  refunded: (events: PaymentEvents, payment: Payment, amountMinor: number, reason: string) =>
    events.record('payment.payment.refunded', { subject: payment.id, data: { payment: snapshot(payment), amountMinor, reason } }),
};

/** The event an authorization outcome announces (requires_action announces nothing yet). */
export function recordAuthorizationOutcome(events: PaymentEvents, payment: Payment): void {
  if (payment.status === 'authorized') paymentEvents.authorized(events, payment);
  if (payment.status === 'failed') paymentEvents.failed(events, payment);
}
