// Carts through the real gRPC API on real PostgreSQL, with the five services it calls faked behind their ports:
// guest and customer access, pricing snapshots, availability, coupons, shipping, merge, expiry, bad input.
import { unaryCall } from '@ecommerce/common/grpc';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addLine, applyCoupon, getCart, newCustomerCart, newGuestCart, PARIS, removeCoupon, selectOption, setAddress, updateLine } from './cart-calls.js';
import { rejectionOf, startHarness, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
  h.fakes.prices.unitPrices.set('SKU-1', 1_000);
  h.fakes.prices.unitPrices.set('SKU-2', 2_550);
  h.fakes.stock.onHand.set('SKU-1', 100);
  h.fakes.stock.onHand.set('SKU-2', 3);
  h.fakes.discounts.addCoupon('TENOFF', 10);
});
afterAll(() => h?.close());

describe('guest carts', () => {
  it('hands out a token once and answers NOT_FOUND to anyone without it', async () => {
    const cart = await newGuestCart(h);
    expect(cart.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await getCart(h, cart)).status).toBe('active');
    expect((await rejectionOf(getCart(h, { ...cart, token: '' }))).type).toBe('not_found');
    expect((await rejectionOf(getCart(h, { ...cart, token: 'x'.repeat(43) }))).type).toBe('not_found');
    expect((await rejectionOf(getCart(h, { ...cart, token: '', bearer: h.tokens.customer }))).type).toBe('not_found');
  });

  it('snapshots price and tax on every change, and adds up quantities of one SKU', async () => {
    const cart = await newGuestCart(h);
    await addLine(h, cart, 'SKU-1', 2);
    const after = await addLine(h, cart, 'SKU-1', 1);
    expect(after.lines).toEqual([expect.objectContaining({ sku: 'SKU-1', quantity: 3, unitPriceMinor: 1_000, subtotalMinor: 3_000, taxMinor: 600, totalMinor: 3_600 })]);
    expect(after).toMatchObject({ subtotalMinor: 3_000, taxMinor: 600, totalMinor: 3_600, currency: 'EUR' });

    h.fakes.prices.unitPrices.set('SKU-2', 2_000);
    const repriced = await addLine(h, cart, 'SKU-2', 1);
    expect(repriced.lines.find((l) => l.sku === 'SKU-2')).toMatchObject({ unitPriceMinor: 2_000, taxMinor: 400 });
    h.fakes.prices.unitPrices.set('SKU-2', 2_550);
    const removed = await updateLine(h, cart, 'SKU-2', 0);
    expect(removed.lines.map((l) => l.sku)).toEqual(['SKU-1']);
  });

  it('refuses more than the warehouse has with FAILED_PRECONDITION naming the SKU, and changes nothing', async () => {
    const cart = await newGuestCart(h);
    await addLine(h, cart, 'SKU-2', 2);
    const err = await rejectionOf(addLine(h, cart, 'SKU-2', 2));
    expect(err.type).toBe('failed_precondition');
    expect(err.message).toContain('SKU-2');
    expect((await getCart(h, cart)).lines).toEqual([expect.objectContaining({ sku: 'SKU-2', quantity: 2 })]);
  });

  it('answers NOT_FOUND naming a SKU pricing does not know', async () => {
    h.fakes.stock.onHand.set('NO-PRICE', 5);
    const err = await rejectionOf(addLine(h, await newGuestCart(h), 'NO-PRICE', 1));
    expect(err.type).toBe('not_found');
    expect(err.message).toContain('NO-PRICE');
  });

  it('applies a coupon as line discounts with tax on the discounted price, lists refused codes, removes a code', async () => {
    const cart = await newGuestCart(h);
    await addLine(h, cart, 'SKU-1', 1);
    const discounted = await applyCoupon(h, cart, 'TENOFF');
    expect(discounted.lines[0]).toMatchObject({ subtotalMinor: 1_000, discountMinor: 100, taxMinor: 180, totalMinor: 1_080 });
    expect(discounted).toMatchObject({ discountMinor: 100, totalMinor: 1_080, couponCodes: ['TENOFF'] });

    const refused = await applyCoupon(h, cart, 'NOPE');
    expect(refused.refusedCodes).toEqual([{ code: 'NOPE', reason: 'unknown code' }]);
    const cleared = await removeCoupon(h, cart, 'NOPE');
    expect(cleared.refusedCodes).toEqual([]);
    const none = await removeCoupon(h, cart, 'TENOFF');
    expect(none).toMatchObject({ discountMinor: 0, totalMinor: 1_200, couponCodes: [] });
  });

  it('quotes shipping options for the address and adds the chosen one to the total', async () => {
    const cart = await newGuestCart(h);
    await addLine(h, cart, 'SKU-1', 1);
    const quoted = await setAddress(h, cart);
    expect(quoted.shippingOptions.map((o) => o.optionId)).toEqual(['standard', 'express']);
    expect(quoted.shippingAddress).toEqual(PARIS);
    const chosen = await selectOption(h, cart, 'express');
    expect(chosen).toMatchObject({ shippingOptionId: 'express', shippingMinor: 1_500, totalMinor: 2_700 });
    const err = await rejectionOf(selectOption(h, cart, 'teleport'));
    expect(err.type).toBe('failed_precondition');
  });

  it('keeps every one of many concurrent additions to one cart (the cart row is locked per change)', async () => {
    const cart = await newGuestCart(h);
    await Promise.all(Array.from({ length: 20 }, () => addLine(h, cart, 'SKU-1', 1)));
    expect((await getCart(h, cart)).lines).toEqual([expect.objectContaining({ sku: 'SKU-1', quantity: 20, subtotalMinor: 20_000 })]);
  });
});

describe('customer carts', () => {
  it('gives a customer one open cart, which another customer cannot see', async () => {
    const first = await newCustomerCart(h, h.tokens.customer);
    const again = await newCustomerCart(h, h.tokens.customer);
    expect(again.id).toBe(first.id);
    expect((await getCart(h, first)).customerId).toBe('customer-1');
    expect((await rejectionOf(getCart(h, { ...first, bearer: h.tokens.otherCustomer }))).type).toBe('not_found');
    expect((await rejectionOf(getCart(h, { ...first, bearer: undefined }))).type).toBe('not_found');
  });

  it('merges a guest cart into the customer cart on login: quantities add up, coupons carry over, the guest cart closes', async () => {
    const bearer = await h.customerToken('merger');
    const mine = await newCustomerCart(h, bearer);
    await addLine(h, mine, 'SKU-1', 1);
    const guest = await newGuestCart(h);
    await addLine(h, guest, 'SKU-1', 2);
    await addLine(h, guest, 'SKU-2', 1);
    await applyCoupon(h, guest, 'TENOFF');

    const { cart } = await unaryCall(h.client.mergeCart.bind(h.client), { guestCartId: guest.id, guestCartToken: guest.token }, { token: bearer });
    expect(cart!.id).toBe(mine.id);
    expect(cart!.lines.map((l) => [l.sku, l.quantity])).toEqual([
      ['SKU-1', 3],
      ['SKU-2', 1],
    ]);
    expect(cart!.couponCodes).toEqual(['TENOFF']);
    expect((await getCart(h, guest)).status).toBe('merged');
    expect((await rejectionOf(addLine(h, guest, 'SKU-1', 1))).type).toBe('failed_precondition');
  });

  it('merges only with a customer token and the guest cart token', async () => {
    const guest = await newGuestCart(h);
    const anonymous = await rejectionOf(unaryCall(h.client.mergeCart.bind(h.client), { guestCartId: guest.id, guestCartToken: guest.token }));
    expect(anonymous.type).toBe('unauthenticated');
    const wrongToken = await rejectionOf(unaryCall(h.client.mergeCart.bind(h.client), { guestCartId: guest.id, guestCartToken: 'nope' }, { token: h.tokens.customer }));
    expect(wrongToken.type).toBe('not_found');
    const staff = await rejectionOf(unaryCall(h.client.mergeCart.bind(h.client), { guestCartId: guest.id, guestCartToken: guest.token }, { token: h.tokens.staff }));
    expect(staff.type).toBe('failed_precondition');
  });
});

describe('expiry', () => {
  it('refuses changes to an expired cart, and housekeeping marks it expired and later deletes it', async () => {
    const cart = await newGuestCart(h);
    await addLine(h, cart, 'SKU-1', 1);
    await h.db('carts').where({ id: cart.id }).update({ expires_at: h.db.raw(`now() - interval '1 minute'`) });
    const err = await rejectionOf(addLine(h, cart, 'SKU-1', 1));
    expect(err.type).toBe('failed_precondition');
    expect(err.message).toContain('expired');
    expect((await getCart(h, cart)).status).toBe('expired');

    const { KnexCartRepository } = await import('../src/data/knex-cart-repository.js');
    const carts = new KnexCartRepository(h.db);
    expect(await carts.prune(1)).toBe(0);
    expect((await h.db('carts').where({ id: cart.id }).first('status')).status).toBe('expired');
    await h.db('carts').where({ id: cart.id }).update({ updated_at: h.db.raw(`now() - interval '2 hours'`) });
    expect(await carts.prune(1)).toBeGreaterThanOrEqual(1);
    expect(await h.db('carts').where({ id: cart.id }).first()).toBeUndefined();
  });
});

describe('bad input', () => {
  it('answers INVALID_ARGUMENT naming the field', async () => {
    const cart = await newGuestCart(h);
    const cases: Array<[Promise<unknown>, string]> = [
      [unaryCall(h.client.createCart.bind(h.client), { country: 'FR', currency: 'XYZ' }), 'currency'],
      [unaryCall(h.client.createCart.bind(h.client), { country: 'fr', currency: 'EUR' }), 'country'],
      [addLine(h, cart, 'SKU-1', 0), 'quantity'],
      [addLine(h, cart, 'SKU-1', 1_000), 'quantity'],
      [addLine(h, cart, ' bad sku', 1), 'sku'],
      [addLine(h, { ...cart, id: 'not-a-uuid' }, 'SKU-1', 1), 'cart_id'],
      [setAddress(h, cart, { ...PARIS, city: '' }), 'address.city'],
      [unaryCall(h.client.checkout.bind(h.client), { cartId: cart.id, cartToken: cart.token, idempotencyKey: 'has space', paymentMethod: '4242' }), 'idempotency_key'],
    ];
    for (const [call, field] of cases) {
      const err = await rejectionOf(call);
      expect(err.type, field).toBe('invalid_argument');
      expect(err.details.map((d) => d.field), field).toContain(field);
    }
  });
});
