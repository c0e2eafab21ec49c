// The order's state machine and the money arithmetic, as pure rules (no I/O): the guards every use case relies on.
import { describe, expect, it } from 'vitest';
import { proportion } from '../src/biz/money.js';
import { assertCancellable, canTransition, fulfillmentOf, paymentStatusOf, ORDER_STATUSES, type OrderStatus } from '../src/biz/order.js';

describe('order status transitions', () => {
  it('allows exactly the documented moves', () => {
    const allowed = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}->${to}`));
    expect(allowed.sort()).toEqual(['completed->returned', 'confirmed->cancelled', 'confirmed->completed', 'confirmed->returned', 'pending->confirmed', 'pending->failed']);
  });

  it('never lets a cancelled or failed order complete', () => {
    for (const from of ['cancelled', 'failed'] as OrderStatus[]) expect(canTransition(from, 'completed')).toBe(false);
  });

  it('refuses to cancel a shipped or partly shipped order (it can only be returned), and a pending one', () => {
    expect(() => assertCancellable({ id: 'o', status: 'confirmed', fulfillmentStatus: 'partially_shipped' })).toThrow(/only be returned/);
    expect(() => assertCancellable({ id: 'o', status: 'completed', fulfillmentStatus: 'shipped' })).toThrow(/cannot become cancelled/);
    expect(() => assertCancellable({ id: 'o', status: 'pending', fulfillmentStatus: 'unfulfilled' })).toThrow(/cannot become cancelled/);
    expect(() => assertCancellable({ id: 'o', status: 'confirmed', fulfillmentStatus: 'unfulfilled' })).not.toThrow();
  });

  it('derives fulfilment and payment statuses from quantities and amounts', () => {
    expect(fulfillmentOf([{ quantity: 2, shippedQuantity: 0, returnedQuantity: 0 }])).toBe('unfulfilled');
    expect(fulfillmentOf([{ quantity: 2, shippedQuantity: 1, returnedQuantity: 0 }])).toBe('partially_shipped');
    expect(fulfillmentOf([{ quantity: 2, shippedQuantity: 2, returnedQuantity: 1 }])).toBe('shipped');
    expect(fulfillmentOf([{ quantity: 2, shippedQuantity: 2, returnedQuantity: 2 }])).toBe('returned');
    expect(paymentStatusOf({ authorizedMinor: 100, capturedMinor: 0, refundedMinor: 0 })).toBe('authorized');
    expect(paymentStatusOf({ authorizedMinor: 100, capturedMinor: 40, refundedMinor: 0 })).toBe('partially_captured');
    expect(paymentStatusOf({ authorizedMinor: 100, capturedMinor: 100, refundedMinor: 30 })).toBe('partially_refunded');
    expect(paymentStatusOf({ authorizedMinor: 100, capturedMinor: 100, refundedMinor: 100 })).toBe('refunded');
  });
});

describe('proportion (integer money shares)', () => {
  it('rounds half away from zero, in both signs, without floats', () => {
    expect(proportion(5, 1, 2)).toBe(3);
    expect(proportion(-5, 1, 2)).toBe(-3);
    expect(proportion(4, 1, 3)).toBe(1);
    expect(proportion(200, 900, 1_000)).toBe(180);
    expect(proportion(Number.MAX_SAFE_INTEGER, 1, 1)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
