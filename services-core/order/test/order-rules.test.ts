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

describe('checkout admission', () => {
  it('never runs more than its limit at once, and runs every one of them', async () => {
    const { Admission } = await import('../src/biz/admission.js');
    const admission = new Admission(3);
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const runs = Array.from({ length: 10 }, (_, i) =>
      admission.run(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return i;
      }),
    );
    // Release the admitted ones as they arrive, until all ten have run.
    for (let released = 0; released < 10; released++) {
      while (releases.length === 0) await new Promise((r) => setImmediate(r));
      expect(running).toBeLessThanOrEqual(3);
      releases.shift()!();
    }
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(peak).toBe(3);
  });
});
