// Stripe's answers in the provider port's terms: a PaymentIntent's status as an authorization outcome, and its
// errors as "refused" (the request was understood and declined) or "unavailable" (outcome unknown, retry).
import type Stripe from 'stripe';
import { ProviderRefusedError, ProviderUnavailableError, type AuthorizeResult } from '../../biz/provider.js';

export function authorizeResultOf(intent: Stripe.PaymentIntent): AuthorizeResult {
  switch (intent.status) {
    case 'requires_capture':
      return { outcome: 'authorized', providerReference: intent.id };
    case 'requires_action':
      return { outcome: 'requires_action', providerReference: intent.id, nextActionUrl: intent.next_action?.redirect_to_url?.url ?? '' };
    case 'requires_payment_method':
    case 'canceled':
      return { outcome: 'failed', providerReference: intent.id, failureCode: intent.last_payment_error?.decline_code ?? intent.last_payment_error?.code ?? intent.status };
    default:
      // processing, requires_confirmation, succeeded (never with manual capture): not an authorization we can hold.
      return { outcome: 'failed', providerReference: intent.id, failureCode: `unexpected_status_${intent.status}` };
  }
}

export function providerErrorOf(provider: string, err: unknown): Error {
  const stripeError = err as { type?: string; code?: string; statusCode?: number };
  switch (stripeError.type) {
    case 'StripeConnectionError':
    case 'StripeAPIError':
    case 'StripeRateLimitError':
      return new ProviderUnavailableError(provider, 'provider_unavailable', { cause: err });
    case 'StripeCardError':
    case 'StripeInvalidRequestError':
    case 'StripeIdempotencyError':
      return new ProviderRefusedError(provider, stripeError.code ?? stripeError.type);
    default:
      if (stripeError.statusCode !== undefined && stripeError.statusCode >= 500) return new ProviderUnavailableError(provider, 'provider_unavailable', { cause: err });
      return err instanceof Error ? err : new Error(String(err));
  }
}
