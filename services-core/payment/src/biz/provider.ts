// The port to a payment provider (the built-in test provider, Stripe): what the use cases ask of it and what it
// answers. Every call carries the client's idempotency key, so a retried call is replayed by the provider, not
// repeated. A provider that cannot answer throws ProviderUnavailableError; one that refuses the operation throws
// ProviderRefusedError; a declined card is an answer (outcome failed), not an error.
import { AppError, FailedPreconditionError } from '@ecommerce/common/errors';

export interface CallOptions {
  idempotencyKey: string;
  /** Aborted when the service stops waiting (PAYMENT_PROVIDER_TIMEOUT_MS). */
  signal: AbortSignal;
}

export interface AuthorizeInput {
  paymentId: string;
  orderId: string;
  amountMinor: number;
  currency: string;
  paymentMethod: string;
}

export interface AuthorizeResult {
  outcome: 'authorized' | 'requires_action' | 'failed';
  providerReference: string;
  failureCode?: string;
  nextActionUrl?: string;
}

/** The provider's id of what the call made (a capture, a refund), for the transaction record. */
export interface OperationResult {
  providerReference: string;
}

/**
 * A verified webhook event, reduced to what the payment service needs. Amounts are the provider's running totals,
 * so an event delivered twice or out of order cannot count anything twice.
 */
export interface ProviderEvent {
  eventId: string;
  /** The provider's own event type, kept for the record. */
  type: string;
  kind: 'authorized' | 'requires_action' | 'failed' | 'canceled' | 'captured' | 'refunded' | 'ignored';
  providerReference: string;
  /** Our payment id when the provider echoes it (metadata). */
  paymentId?: string;
  capturedTotalMinor?: number;
  refundedTotalMinor?: number;
  failureCode?: string;
  nextActionUrl?: string;
}

export interface WebhookRequest {
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

export interface PaymentProvider {
  readonly name: string;
  /** A message when the provider cannot take this payment method (before anything is written), else undefined. */
  checkPaymentMethod(paymentMethod: string): string | undefined;
  authorize(input: AuthorizeInput, options: CallOptions): Promise<AuthorizeResult>;
  capture(providerReference: string, amountMinor: number, options: CallOptions): Promise<OperationResult>;
  void(providerReference: string, options: CallOptions): Promise<OperationResult>;
  refund(providerReference: string, amountMinor: number, reason: string, options: CallOptions): Promise<OperationResult>;
  /** Verifies the signature (and its age) over the exact bytes received; throws WebhookSignatureError. */
  parseWebhook(request: WebhookRequest, now: Date): ProviderEvent;
}

/** The provider could not be reached or did not answer in time: the outcome is unknown, a retry may succeed. */
export class ProviderUnavailableError extends AppError {
  constructor(
    provider: string,
    readonly code: 'provider_timeout' | 'provider_unavailable',
    options?: { cause?: unknown },
  ) {
    super('unavailable', `payment provider ${provider} ${code === 'provider_timeout' ? 'did not answer in time' : 'is unavailable'}`, [], options);
  }
}

/** The provider refused the operation (e.g. a capture it no longer allows). */
export class ProviderRefusedError extends FailedPreconditionError {
  constructor(
    provider: string,
    readonly code: string,
  ) {
    super(`payment provider ${provider} refused the operation: ${code}`);
  }
}

/** A webhook whose signature does not verify or whose timestamp is outside the tolerance (HTTP 401). */
export class WebhookSignatureError extends AppError {
  constructor(message: string) {
    super('unauthenticated', message);
  }
}
