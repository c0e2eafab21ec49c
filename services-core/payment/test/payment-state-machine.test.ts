// The payment state machine (biz/payment.ts) as pure functions: legal moves, amounts after a capture or refund,
// and the refusals with FAILED_PRECONDITION.
import { describe, expect, it } from 'vitest';
import { authorizationOutcomeChange, canMove, captureChange, needsVoid, refundChange, type Payment } from '../src/biz/payment.js';

const payment = (overrides: Partial<Payment> = {}): Payment => ({
  id: 'p-1',
  orderId: 'o-1',
  customerId: '',
  provider: 'test',
  idempotencyKey: 'k',
  requestHash: 'h',
  status: 'authorized',
  currency: 'EUR',
  amountMinor: 1_000,
  authorizedMinor: 1_000,
  capturedMinor: 0,
  refundedMinor: 0,
  providerReference: 'tp_pi_1',
  failureCode: '',
  nextActionUrl: '',
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...overrides,
});

describe('payment state machine', () => {
  it('allows only the documented moves', () => {
    expect(canMove('pending', 'authorized')).toBe(true);
    expect(canMove('requires_action', 'authorized')).toBe(true);
    expect(canMove('authorized', 'canceled')).toBe(true);
    expect(canMove('captured', 'canceled')).toBe(false);
    expect(canMove('canceled', 'captured')).toBe(false);
    expect(canMove('failed', 'authorized')).toBe(false);
    expect(canMove('refunded', 'partially_refunded')).toBe(false);
  });

  it('captures part, then the rest, and refuses more than is authorized', () => {
    expect(captureChange(payment(), 400)).toEqual({ amountMinor: 400, change: { capturedMinor: 400, status: 'partially_captured' } });
    expect(captureChange(payment({ status: 'partially_captured', capturedMinor: 400 }), 0)).toEqual({ amountMinor: 600, change: { capturedMinor: 1_000, status: 'captured' } });
    expect(() => captureChange(payment(), 1_001)).toThrow(/only 1000/);
    expect(() => captureChange(payment({ status: 'canceled' }), 1)).toThrow(/it is canceled/);
  });

  it('refunds up to what is captured, and nothing of a payment not captured', () => {
    expect(refundChange(payment({ status: 'captured', capturedMinor: 1_000 }), 300)).toEqual({ refundedMinor: 300, status: 'partially_refunded' });
    expect(refundChange(payment({ status: 'partially_refunded', capturedMinor: 1_000, refundedMinor: 300 }), 700)).toEqual({ refundedMinor: 1_000, status: 'refunded' });
    expect(() => refundChange(payment({ status: 'captured', capturedMinor: 500 }), 501)).toThrow(/only 500/);
    expect(() => refundChange(payment(), 1)).toThrow(/it is authorized/);
  });

  it('voids what is not captured; a failed or canceled payment needs no void; a captured one cannot be voided', () => {
    expect(needsVoid(payment())).toBe(true);
    expect(needsVoid(payment({ status: 'failed' }))).toBe(false);
    expect(() => needsVoid(payment({ status: 'captured', capturedMinor: 1_000 }))).toThrow(/cannot void/);
  });

  it('ignores an authorization outcome reported again or after a later state', () => {
    expect(authorizationOutcomeChange(payment({ status: 'pending', authorizedMinor: 0 }), { status: 'authorized' })).toMatchObject({ status: 'authorized', authorizedMinor: 1_000 });
    expect(authorizationOutcomeChange(payment(), { status: 'authorized' })).toBeUndefined();
    expect(authorizationOutcomeChange(payment(), { status: 'requires_action' })).toBeUndefined();
    expect(authorizationOutcomeChange(payment({ status: 'canceled' }), { status: 'failed' })).toBeUndefined();
  });
});
