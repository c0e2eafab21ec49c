// The payment aggregate and its state machine: which change is legal from which status, and the amounts after it.
// Pure: no storage, no transport. Money is integer minor units; nothing here rounds.
import { FailedPreconditionError } from '@ecommerce/common/errors';

export const PAYMENT_STATUSES = [
  'pending',
  'requires_action',
  'authorized',
  'partially_captured',
  'captured',
  'canceled',
  'failed',
  'partially_refunded',
  'refunded',
] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export interface Payment {
  id: string;
  orderId: string;
  customerId: string;
  provider: string;
  idempotencyKey: string;
  requestHash: string;
  status: PaymentStatus;
  currency: string;
  amountMinor: number;
  authorizedMinor: number;
  capturedMinor: number;
  refundedMinor: number;
  providerReference: string | null;
  failureCode: string;
  nextActionUrl: string;
  createdAt: Date;
  updatedAt: Date;
}

/** The fields a change may set; the repository writes exactly these. */
export type PaymentChange = Partial<
  Pick<Payment, 'status' | 'authorizedMinor' | 'capturedMinor' | 'refundedMinor' | 'providerReference' | 'failureCode' | 'nextActionUrl'>
>;

/** Every legal move; anything else is refused with FAILED_PRECONDITION. */
const TRANSITIONS: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ['requires_action', 'authorized', 'failed', 'canceled'],
  requires_action: ['authorized', 'failed', 'canceled'],
  authorized: ['partially_captured', 'captured', 'canceled'],
  partially_captured: ['partially_captured', 'captured', 'partially_refunded', 'refunded'],
  captured: ['partially_refunded', 'refunded'],
  partially_refunded: ['partially_refunded', 'refunded'],
  canceled: [],
  failed: [],
  refunded: [],
};

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function assertMove(payment: Payment, to: PaymentStatus, action: string): void {
  if (!canMove(payment.status, to)) {
    throw new FailedPreconditionError(`cannot ${action} payment ${payment.id}: it is ${payment.status}`);
  }
}

/** What can still be captured: authorized minus captured, while no refund has started. */
export function capturableMinor(payment: Payment): number {
  return payment.status === 'authorized' || payment.status === 'partially_captured' ? payment.authorizedMinor - payment.capturedMinor : 0;
}

export function refundableMinor(payment: Payment): number {
  return ['partially_captured', 'captured', 'partially_refunded'].includes(payment.status) ? payment.capturedMinor - payment.refundedMinor : 0;
}

/** The change a capture of `amountMinor` (0 = all that is capturable) makes, refused when it is not possible. */
export function captureChange(payment: Payment, amountMinor: number): { amountMinor: number; change: PaymentChange } {
  if (payment.status !== 'authorized' && payment.status !== 'partially_captured') {
    throw new FailedPreconditionError(`cannot capture payment ${payment.id}: it is ${payment.status}`);
  }
  const capturable = capturableMinor(payment);
  const amount = amountMinor === 0 ? capturable : amountMinor;
  if (amount > capturable) {
    throw new FailedPreconditionError(`cannot capture ${amount}: only ${capturable} of payment ${payment.id} is authorized and not yet captured`, [
      { field: 'amount_minor', message: `must be at most ${capturable}` },
    ]);
  }
  const captured = payment.capturedMinor + amount;
  return { amountMinor: amount, change: { capturedMinor: captured, status: captured === payment.authorizedMinor ? 'captured' : 'partially_captured' } };
}

export function refundChange(payment: Payment, amountMinor: number): PaymentChange {
  if (!['partially_captured', 'captured', 'partially_refunded'].includes(payment.status)) {
    throw new FailedPreconditionError(`cannot refund payment ${payment.id}: it is ${payment.status}`);
  }
  const refundable = refundableMinor(payment);
  if (amountMinor > refundable) {
    throw new FailedPreconditionError(`cannot refund ${amountMinor}: only ${refundable} of payment ${payment.id} is captured and not yet refunded`, [
      { field: 'amount_minor', message: `must be at most ${refundable}` },
    ]);
  }
  const refunded = payment.refundedMinor + amountMinor;
  return { refundedMinor: refunded, status: refunded === payment.capturedMinor ? 'refunded' : 'partially_refunded' };
}

/** Void: nothing captured yet. A failed or canceled payment needs no void (answered as it is). */
export function needsVoid(payment: Payment): boolean {
  if (payment.status === 'canceled' || payment.status === 'failed') return false;
  assertMove(payment, 'canceled', 'void');
  return true;
}

/**
 * What a provider's report (synchronous answer or webhook) of the authorization changes: only moves out of
 * pending / requires_action count; a late or repeated report of an outcome already applied changes nothing.
 */
export function authorizationOutcomeChange(
  payment: Payment,
  outcome: { status: 'authorized' | 'requires_action' | 'failed'; failureCode?: string; nextActionUrl?: string; providerReference?: string },
): PaymentChange | undefined {
  if (payment.status === outcome.status || !canMove(payment.status, outcome.status)) return undefined;
  const change: PaymentChange = { status: outcome.status, nextActionUrl: outcome.status === 'requires_action' ? (outcome.nextActionUrl ?? '') : '' };
  if (outcome.providerReference) change.providerReference = outcome.providerReference;
  if (outcome.status === 'authorized') change.authorizedMinor = payment.amountMinor;
  if (outcome.status === 'failed') change.failureCode = outcome.failureCode || 'failed';
  return change;
}

export function applyChange(payment: Payment, change: PaymentChange, now: Date): Payment {
  return { ...payment, ...change, updatedAt: now };
}
