// A checkout interrupted by a crash is resumed when an instance starts: the state a process killed in the middle
// of the reserve-stock call leaves behind (order created, the stock call logged `invoking`, its effect made but not
// recorded, the owner's session gone) is driven to a confirmed order, and the effect made before the crash is not
// made twice (the step is called again with the same key and the participant dedupes).
import { randomUUID } from 'node:crypto';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckoutInput } from '../src/biz/checkout-saga.js';
import { KnexOrderRepository } from '../src/data/knex-order-repository.js';
import { startOrder } from '../src/main.js';
import { getCart, readyCart } from './cart-calls.js';
import { GOOD_CARD } from './fakes.js';
import { eventually, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.fakes.prices.unitPrices.set('SKU-1', 1_000);
  h.fakes.stock.onHand.set('SKU-1', 10);
});
afterAll(() => h?.close());

/** An owner id no live session holds: the process that drove the saga is gone. */
const DEAD_OWNER = 424_242;

describe('resume after a crash', () => {
  it('drives an interrupted checkout to a confirmed order on start, with one reservation and one authorization', async () => {
    const cart = await readyCart(h, [['SKU-1', 2]]);
    const orderId = randomUUID();
    const sagaId = `checkout-${orderId}`;
    const input: CheckoutInput = {
      order: {
        id: orderId,
        cartId: cart.id,
        checkoutKey: 'crashed',
        sagaId,
        customerId: null,
        currency: 'EUR',
        country: 'FR',
        shippingAddress: { country: 'FR', province: '', postcode: '75001', city: 'Paris', line1: '1 rue de Rivoli', name: 'Ann Smith' },
        shippingOptionId: 'standard',
        subtotalMinor: 2_000,
        discountMinor: 0,
        shippingMinor: 500,
        taxMinor: 400,
        totalMinor: 2_900,
        couponCodes: [],
        appliedPromotions: [],
        lines: [{ sku: 'SKU-1', quantity: 2, unitPriceMinor: 1_000, subtotalMinor: 2_000, discountMinor: 0, taxMinor: 400, totalMinor: 2_400 }],
      },
      paymentMethod: GOOD_CARD,
      actor: 'guest',
    };
    // What the dead process left: the order (create-order done), the cart held, reserve-stock mid-call.
    const uow = serviceUnitOfWork({ db: h.db, catalog: eventCatalog, service: 'order' });
    await uow.run((tx) => new KnexOrderRepository(h.db).insertIfAbsent(tx, input.order, 'guest'));
    await h.db('carts').where({ id: cart.id }).update({ status: 'checking_out', checkout_until: h.db.raw(`now() + interval '2 minutes'`) });
    await h.db('saga_instances').insert({ saga_id: sagaId, saga_name: 'checkout', status: 'running', input: JSON.stringify(input), owner_id: DEAD_OWNER });
    await h.db('saga_steps').insert([
      { saga_id: sagaId, step_name: 'create-order', position: 0, status: 'done', output: JSON.stringify({ orderId }) },
      { saga_id: sagaId, step_name: 'reserve-stock', position: 1, status: 'invoking' },
    ]);
    await h.fakes.stock.reserve(orderId, [{ sku: 'SKU-1', quantity: 2 }]);

    const restarted = await startOrder(h.env, { transport: h.transport }, { remotes: h.fakes });
    try {
      // The saga finishes after its last step's transaction: wait for the saga, then read the order.
      await eventually(async () => (await h.db('saga_instances').where({ saga_id: sagaId }).first('status')).status === 'completed');
      expect((await h.db('orders').where({ id: orderId }).first('status')).status).toBe('confirmed');
      expect(h.fakes.stock.reservations.get(orderId)).toMatchObject({ status: 'active', lines: [{ sku: 'SKU-1', quantity: 2 }] });
      expect(h.fakes.stock.reserved('SKU-1')).toBe(2);
      expect(h.fakes.payments.authorizedFor(orderId)).toEqual([expect.objectContaining({ authorizedMinor: 2_900 })]);
      expect((await getCart(h, cart)).status).toBe('converted');
    } finally {
      await restarted.stop();
    }
  });
});
