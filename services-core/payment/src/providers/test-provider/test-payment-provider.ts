// The built-in TEST provider: behaves like a card gateway for tests and `make dev`, and is never a real bank.
// It keeps its own state in memory for the process, keyed by the idempotency key of each call (a repeated key
// answers the first call's result, a key reused with other parameters is refused, as Stripe does), answers by the
// documented test cards, and reports every change by signed webhook (test-webhook-sender.ts).
import { randomUUID } from 'node:crypto';
import type { AuthorizeInput, AuthorizeResult, CallOptions, OperationResult, PaymentProvider, ProviderEvent, WebhookRequest } from '../../biz/provider.js';
import { ProviderRefusedError } from '../../biz/provider.js';
import { TEST_PROVIDER_SIGNATURE_HEADER, verifyWebhookSignature } from '../webhook-signature.js';
import { parseTestProviderEvent } from './test-provider-events.js';
import { TEST_CARDS, testCard } from './test-cards.js';
import { TestWebhookSender, type TestProviderEvent, type WebhookMode } from './test-webhook-sender.js';

export const TEST_PROVIDER_NAME = 'test';

interface Intent {
  reference: string;
  paymentId: string;
  amountMinor: number;
  currency: string;
  status: 'requires_action' | 'authorized' | 'failed' | 'canceled';
  capturedMinor: number;
  refundedMinor: number;
  failureCode: string;
}

export interface TestProviderSettings {
  webhookSecret: string;
  webhookMode: WebhookMode;
  toleranceSeconds: number;
  now?: () => Date;
  /** Where a customer completes a 3-D Secure step (the reference is appended); see useActionBaseUrl. */
  actionBaseUrl?: string;
  onDeliveryError?: (err: unknown, event: TestProviderEvent) => void;
}

export class TestPaymentProvider implements PaymentProvider {
  readonly name = TEST_PROVIDER_NAME;
  readonly webhooks: TestWebhookSender;
  /** Runs after a call's outcome is decided and its webhook sent, before the call answers (tests widen races). */
  beforeAnswer: (() => Promise<void>) | undefined;
  private readonly intents = new Map<string, Intent>();
  private readonly answers = new Map<string, { fingerprint: string; answer: Promise<unknown> }>();
  private readonly now: () => Date;
  private actionBaseUrl: string;

  constructor(private readonly settings: TestProviderSettings) {
    this.now = settings.now ?? (() => new Date());
    this.actionBaseUrl = settings.actionBaseUrl ?? 'https://test-provider.invalid/3ds';
    this.webhooks = new TestWebhookSender({ secret: settings.webhookSecret, mode: settings.webhookMode, now: this.now, onError: settings.onDeliveryError ?? (() => {}) });
  }

  /** Where next_action_url points (the service mounts the simulated 3-D Secure page on its HTTP port). */
  useActionBaseUrl(url: string): void {
    this.actionBaseUrl = url;
  }

  /** Authorizations made (distinct intents), for tests proving a retried key made no second one. */
  get authorizationCount(): number {
    return this.intents.size;
  }

  checkPaymentMethod(paymentMethod: string): string | undefined {
    return testCard(paymentMethod) ? undefined : `must be one of the test provider's cards: ${Object.keys(TEST_CARDS).join(', ')}`;
  }

  authorize(input: AuthorizeInput, options: CallOptions): Promise<AuthorizeResult> {
    const behaviour = testCard(input.paymentMethod);
    // A call that never answers is not recorded: the provider never saw it through.
    if (!behaviour || behaviour.kind === 'timeout') return new Promise((_resolve, reject) => options.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    return this.once(options, ['authorize', input.paymentId, input.amountMinor, input.currency, input.paymentMethod], async () => {
      const intent: Intent = { reference: `tp_pi_${randomUUID()}`, paymentId: input.paymentId, amountMinor: input.amountMinor, currency: input.currency, status: 'authorized', capturedMinor: 0, refundedMinor: 0, failureCode: '' };
      if (behaviour.kind === 'decline') Object.assign(intent, { status: 'failed', failureCode: behaviour.failureCode });
      if (behaviour.kind === 'three_d_secure') intent.status = 'requires_action';
      this.intents.set(intent.reference, intent);
      this.emit(`payment.${intent.status}`, intent);
      return {
        outcome: intent.status as AuthorizeResult['outcome'],
        providerReference: intent.reference,
        ...(intent.failureCode ? { failureCode: intent.failureCode } : {}),
        ...(intent.status === 'requires_action' ? { nextActionUrl: this.actionUrl(intent) } : {}),
      };
    });
  }

  /** The customer finished (or failed) the 3-D Secure step: the outcome arrives by webhook only, as with real providers. */
  completeAction(reference: string, outcome: 'succeed' | 'fail'): void {
    const intent = this.intent(reference);
    if (intent.status !== 'requires_action') throw new ProviderRefusedError(this.name, `intent_not_requiring_action`);
    Object.assign(intent, outcome === 'succeed' ? { status: 'authorized' } : { status: 'failed', failureCode: 'authentication_failed' });
    this.emit(`payment.${intent.status}`, intent);
  }

  capture(reference: string, amountMinor: number, options: CallOptions): Promise<OperationResult> {
    return this.once(options, ['capture', reference, amountMinor], async () => {
      const intent = this.intent(reference);
      if (intent.status !== 'authorized') throw new ProviderRefusedError(this.name, `intent_${intent.status}`);
      if (amountMinor > intent.amountMinor - intent.capturedMinor) throw new ProviderRefusedError(this.name, 'amount_too_large');
      intent.capturedMinor += amountMinor;
      this.emit('payment.captured', intent);
      return { providerReference: `tp_cap_${randomUUID()}` };
    });
  }

  void(reference: string, options: CallOptions): Promise<OperationResult> {
    return this.once(options, ['void', reference], async () => {
      const intent = this.intent(reference);
      if (intent.status !== 'authorized' && intent.status !== 'requires_action') throw new ProviderRefusedError(this.name, `intent_${intent.status}`);
      if (intent.capturedMinor > 0) throw new ProviderRefusedError(this.name, 'intent_captured');
      intent.status = 'canceled';
      this.emit('payment.canceled', intent);
      return { providerReference: intent.reference };
    });
  }

  refund(reference: string, amountMinor: number, _reason: string, options: CallOptions): Promise<OperationResult> {
    return this.once(options, ['refund', reference, amountMinor], async () => {
      const intent = this.intent(reference);
      if (amountMinor > intent.capturedMinor - intent.refundedMinor) throw new ProviderRefusedError(this.name, 'amount_too_large');
      intent.refundedMinor += amountMinor;
      this.emit('payment.refunded', intent);
      return { providerReference: `tp_re_${randomUUID()}` };
    });
  }

  parseWebhook(request: WebhookRequest, now: Date): ProviderEvent {
    const header = request.headers[TEST_PROVIDER_SIGNATURE_HEADER];
    verifyWebhookSignature({ secret: this.settings.webhookSecret, header: Array.isArray(header) ? header[0] : header, rawBody: request.rawBody, now, toleranceSeconds: this.settings.toleranceSeconds });
    return parseTestProviderEvent(request.rawBody);
  }

  /** Replays the first answer for a key; a key reused with other parameters is refused. */
  private once<T>(options: CallOptions, parameters: unknown[], work: () => Promise<T>): Promise<T> {
    const fingerprint = JSON.stringify(parameters);
    const known = this.answers.get(options.idempotencyKey);
    if (known) {
      if (known.fingerprint !== fingerprint) return Promise.reject(new ProviderRefusedError(this.name, 'idempotency_key_reused'));
      return known.answer as Promise<T>;
    }
    const answer = work().then(async (result) => {
      await this.beforeAnswer?.();
      return result;
    });
    this.answers.set(options.idempotencyKey, { fingerprint, answer });
    return answer;
  }

  private intent(reference: string): Intent {
    const intent = this.intents.get(reference);
    if (!intent) throw new ProviderRefusedError(this.name, 'no_such_intent');
    return intent;
  }

  private actionUrl(intent: Intent): string {
    return `${this.actionBaseUrl}/${intent.reference}`;
  }

  private emit(type: string, intent: Intent): void {
    this.webhooks.send({
      id: `tp_evt_${randomUUID()}`,
      type,
      created: Math.floor(this.now().getTime() / 1000),
      data: {
        reference: intent.reference,
        payment_id: intent.paymentId,
        amount_minor: intent.amountMinor,
        currency: intent.currency,
        captured_minor: intent.capturedMinor,
        refunded_minor: intent.refundedMinor,
        failure_code: intent.failureCode,
        next_action_url: intent.status === 'requires_action' ? this.actionUrl(intent) : '',
      },
    });
  }
}
