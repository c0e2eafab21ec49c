// The Stripe adapter, on the official `stripe` package: a manual-capture PaymentIntent confirmed at once
// (authorize), capture with amount_to_capture, cancel (void) and refunds; every call passes the client's
// idempotency key as Stripe's Idempotency-Key, and webhooks are verified by stripe.webhooks.constructEvent.
import Stripe from 'stripe';
import type { AuthorizeInput, AuthorizeResult, CallOptions, OperationResult, PaymentProvider, ProviderEvent, WebhookRequest } from '../../biz/provider.js';
import { WebhookSignatureError } from '../../biz/provider.js';
import { stripeEventOf } from './stripe-events.js';
import { authorizeResultOf, providerErrorOf } from './stripe-results.js';

export const STRIPE_PROVIDER_NAME = 'stripe';

export interface StripeProviderSettings {
  secretKey: string;
  webhookSecret: string;
  toleranceSeconds: number;
  timeoutMs: number;
  /** Another API base (stripe-mock: http://127.0.0.1:12111); default api.stripe.com. */
  apiUrl?: string;
}

/** Stripe's payment method ids (pm_...) and the test tokens such as pm_card_visa. */
const PAYMENT_METHOD = /^pm_[A-Za-z0-9_]{1,200}$/;

export class StripePaymentProvider implements PaymentProvider {
  readonly name = STRIPE_PROVIDER_NAME;
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeProviderSettings) {
    const base = settings.apiUrl ? new URL(settings.apiUrl) : undefined;
    this.stripe = new Stripe(settings.secretKey, {
      timeout: settings.timeoutMs,
      // Safe with idempotency keys: a retried request is replayed by Stripe, not repeated.
      maxNetworkRetries: 1,
      telemetry: false,
      ...(base ? { protocol: base.protocol === 'http:' ? ('http' as const) : ('https' as const), host: base.hostname, port: base.port || (base.protocol === 'http:' ? 80 : 443) } : {}),
    });
  }

  checkPaymentMethod(paymentMethod: string): string | undefined {
    return PAYMENT_METHOD.test(paymentMethod) ? undefined : 'must be a Stripe PaymentMethod id such as pm_card_visa';
  }

  async authorize(input: AuthorizeInput, options: CallOptions): Promise<AuthorizeResult> {
    try {
      const intent = await this.stripe.paymentIntents.create(
        {
          amount: input.amountMinor,
          currency: input.currency.toLowerCase(),
          capture_method: 'manual',
          confirm: true,
          payment_method: input.paymentMethod,
          // Confirmed server-side with no return URL: only methods that need no redirect.
          automatic_payment_methods: { enabled: true, allow_redirects: 'never' },
          metadata: { payment_id: input.paymentId, order_id: input.orderId },
        },
        { idempotencyKey: options.idempotencyKey },
      );
      return authorizeResultOf(intent);
    } catch (err) {
      // A declined card is an answer, not an error.
      const stripeError = err as { type?: string; code?: string; decline_code?: string; payment_intent?: { id?: string } };
      if (stripeError.type === 'StripeCardError') {
        return { outcome: 'failed', providerReference: stripeError.payment_intent?.id ?? '', failureCode: stripeError.decline_code ?? stripeError.code ?? 'card_declined' };
      }
      throw providerErrorOf(this.name, err);
    }
  }

  async capture(reference: string, amountMinor: number, options: CallOptions): Promise<OperationResult> {
    const intent = await this.call(() => this.stripe.paymentIntents.capture(reference, { amount_to_capture: amountMinor }, { idempotencyKey: options.idempotencyKey }));
    return { providerReference: typeof intent.latest_charge === 'string' ? intent.latest_charge : (intent.latest_charge?.id ?? intent.id) };
  }

  async void(reference: string, options: CallOptions): Promise<OperationResult> {
    const intent = await this.call(() => this.stripe.paymentIntents.cancel(reference, {}, { idempotencyKey: options.idempotencyKey }));
    return { providerReference: intent.id };
  }

  async refund(reference: string, amountMinor: number, reason: string, options: CallOptions): Promise<OperationResult> {
    // Stripe's `reason` is an enum; ours is free text, kept in the metadata.
    const refund = await this.call(() =>
      this.stripe.refunds.create({ payment_intent: reference, amount: amountMinor, metadata: { reason: reason.slice(0, 500) } }, { idempotencyKey: options.idempotencyKey }),
    );
    return { providerReference: refund.id };
  }

  parseWebhook(request: WebhookRequest, now: Date): ProviderEvent {
    const header = request.headers['stripe-signature'];
    let event: Stripe.Event;
    try {
      // The last argument (when the event was received) is in milliseconds; the tolerance is in seconds.
      event = this.stripe.webhooks.constructEvent(request.rawBody, (Array.isArray(header) ? header[0] : header) ?? '', this.settings.webhookSecret, this.settings.toleranceSeconds, undefined, now.getTime());
    } catch (err) {
      throw new WebhookSignatureError(`stripe webhook refused: ${(err as Error).message.split('\n')[0]}`);
    }
    return stripeEventOf(event);
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      throw providerErrorOf(this.name, err);
    }
  }
}
