// Stripe webhook events (already verified) reduced to what the payment service applies. Amounts are Stripe's
// running totals (amount_received, amount_refunded), so redeliveries and reordering count nothing twice.
import type Stripe from 'stripe';
import type { ProviderEvent } from '../../biz/provider.js';

export function stripeEventOf(event: Stripe.Event): ProviderEvent {
  const base = { eventId: event.id, type: event.type };
  const object = event.data.object as unknown as Record<string, unknown>;
  if (event.type.startsWith('payment_intent.')) {
    const intent = object as unknown as Stripe.PaymentIntent;
    const common = { ...base, providerReference: intent.id, ...(intent.metadata?.payment_id ? { paymentId: intent.metadata.payment_id } : {}) };
    switch (event.type) {
      case 'payment_intent.amount_capturable_updated':
        return { ...common, kind: 'authorized' };
      case 'payment_intent.requires_action':
        return { ...common, kind: 'requires_action', nextActionUrl: intent.next_action?.redirect_to_url?.url ?? '' };
      case 'payment_intent.payment_failed':
        return { ...common, kind: 'failed', failureCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? 'payment_failed' };
      case 'payment_intent.canceled':
        return { ...common, kind: 'canceled' };
      case 'payment_intent.succeeded':
        return { ...common, kind: 'captured', capturedTotalMinor: intent.amount_received };
      default:
        return { ...common, kind: 'ignored' };
    }
  }
  if (event.type === 'charge.refunded') {
    const charge = object as unknown as Stripe.Charge;
    const intentId = typeof charge.payment_intent === 'string' ? charge.payment_intent : (charge.payment_intent?.id ?? '');
    return { ...base, kind: 'refunded', providerReference: intentId, refundedTotalMinor: charge.amount_refunded, ...(charge.metadata?.payment_id ? { paymentId: charge.metadata.payment_id } : {}) };
  }
  return { ...base, kind: 'ignored', providerReference: '' };
}
