// Applying a provider's signed webhook: verified over the exact bytes and timestamp first (401 otherwise, nothing
// read or written), then, under the payment row's lock, applied once per event id. Amounts in events are running
// totals and every move goes through the state machine, so a late, repeated or out-of-order event, or one about
// what the synchronous path already stored, changes nothing.
import { ValidationError } from '@ecommerce/common/errors';
import { inject, injectable } from 'inversify';
import { authorizationOutcomeChange, canMove, type Payment, type PaymentChange } from './payment.js';
import { paymentEvents, recordAuthorizationOutcome } from './payment-events.js';
import {
  CLOCK,
  PAYMENT_PROVIDERS,
  PAYMENT_REPOSITORY,
  TRANSACTION_REPOSITORY,
  UNIT_OF_WORK,
  WEBHOOK_EVENT_REPOSITORY,
  type Clock,
  type PaymentEvents,
  type PaymentProviders,
  type PaymentRepository,
  type PaymentUnitOfWork,
  type TransactionRepository,
  type WebhookEventRepository,
} from './ports.js';
import type { ProviderEvent, WebhookRequest } from './provider.js';
import type { TransactionKind } from './transaction.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface WebhookOutcome {
  /** false: a redelivery, an event about no payment of ours, or one that changes nothing. */
  applied: boolean;
}

interface Effect {
  kind: TransactionKind;
  amountMinor: number;
  change: PaymentChange;
  announce(events: PaymentEvents, payment: Payment): void;
}

@injectable()
export class HandleProviderWebhookUseCase {
  constructor(
    @inject(PAYMENT_REPOSITORY) private readonly payments: PaymentRepository,
    @inject(TRANSACTION_REPOSITORY) private readonly transactions: TransactionRepository,
    @inject(WEBHOOK_EVENT_REPOSITORY) private readonly webhookEvents: WebhookEventRepository,
    @inject(PAYMENT_PROVIDERS) private readonly providers: PaymentProviders,
    @inject(CLOCK) private readonly clock: Clock,
    @inject(UNIT_OF_WORK) private readonly uow: PaymentUnitOfWork,
  ) {}

  async execute(providerName: string, request: WebhookRequest): Promise<WebhookOutcome> {
    const provider = this.providers.get(providerName);
    if (!provider) throw new ValidationError([{ field: 'provider', message: `must be one of the configured providers: ${this.providers.names().join(', ')}` }]);
    const event = provider.parseWebhook(request, this.clock.now());
    return this.uow.run(async (tx, events) => {
      const payment = await this.paymentOf(tx, provider.name, event);
      const fresh = await this.webhookEvents.markApplied(tx, { provider: provider.name, eventId: event.eventId, eventType: event.type, paymentId: payment?.id ?? null });
      if (!fresh || !payment) return { applied: false };
      const effect = effectOf(payment, event);
      if (!effect) return { applied: false };
      await this.transactions.record(tx, {
        paymentId: payment.id,
        provider: provider.name,
        kind: effect.kind,
        amountMinor: effect.amountMinor,
        outcome: effect.change.status === 'failed' ? 'failed' : effect.change.status === 'requires_action' ? 'requires_action' : 'succeeded',
        source: 'webhook',
        idempotencyKey: null,
        requestHash: null,
        providerReference: event.eventId,
        failureCode: effect.change.failureCode ?? '',
        reason: '',
      });
      effect.announce(events, await this.payments.update(tx, payment.id, effect.change));
      return { applied: true };
    });
  }

  /** By our id when the provider echoes it (it may report before our row has its reference), else by its reference. */
  private async paymentOf(tx: Parameters<PaymentRepository['lock']>[0], provider: string, event: ProviderEvent): Promise<Payment | undefined> {
    const payment =
      event.paymentId && UUID.test(event.paymentId)
        ? await this.payments.lock(tx, event.paymentId)
        : event.providerReference
          ? await this.payments.lockByProviderReference(tx, provider, event.providerReference)
          : undefined;
    if (!payment || payment.provider !== provider) return undefined;
    if (payment.providerReference && event.providerReference && payment.providerReference !== event.providerReference) return undefined;
    return payment;
  }
}

function effectOf(payment: Payment, event: ProviderEvent): Effect | undefined {
  switch (event.kind) {
    case 'authorized':
    case 'requires_action':
    case 'failed': {
      const change = authorizationOutcomeChange(payment, { status: event.kind, failureCode: event.failureCode, nextActionUrl: event.nextActionUrl, providerReference: event.providerReference });
      return change && { kind: 'authorize', amountMinor: payment.amountMinor, change, announce: recordAuthorizationOutcome };
    }
    case 'canceled':
      if (!canMove(payment.status, 'canceled')) return undefined;
      return { kind: 'void', amountMinor: payment.authorizedMinor, change: { status: 'canceled', nextActionUrl: '' }, announce: paymentEvents.canceled };
    case 'captured': {
      const total = event.capturedTotalMinor ?? 0;
      const capturable = payment.status === 'authorized' || payment.status === 'partially_captured';
      if (!capturable || total <= payment.capturedMinor || total > payment.authorizedMinor) return undefined;
      const amount = total - payment.capturedMinor;
      return {
        kind: 'capture',
        amountMinor: amount,
        change: { capturedMinor: total, status: total === payment.authorizedMinor ? 'captured' : 'partially_captured' },
        announce: (events, updated) => paymentEvents.captured(events, updated, amount),
      };
    }
    case 'refunded': {
      const total = event.refundedTotalMinor ?? 0;
      const refundable = ['partially_captured', 'captured', 'partially_refunded'].includes(payment.status);
      if (!refundable || total <= payment.refundedMinor || total > payment.capturedMinor) return undefined;
      const amount = total - payment.refundedMinor;
      return {
        kind: 'refund',
        amountMinor: amount,
        change: { refundedMinor: total, status: total === payment.capturedMinor ? 'refunded' : 'partially_refunded' },
        announce: (events, updated) => paymentEvents.refunded(events, updated, amount, 'reported by the provider'),
      };
    }
    default:
      return undefined;
  }
}
