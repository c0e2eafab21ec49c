// The cart RPCs as tests call them: a real gRPC call, with the guest token or a bearer token.
import { unaryCall } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/order/v1/order';
import type { Harness } from './harness.js';

export interface CartHandle {
  id: string;
  token: string;
  /** Bearer token of the customer owning the cart; undefined for a guest cart. */
  bearer?: string;
}

const opts = (bearer?: string) => (bearer ? { token: bearer } : {});

export async function newGuestCart(h: Harness, country = 'FR', currency = 'EUR'): Promise<CartHandle> {
  const { cart, cartToken } = await unaryCall(h.client.createCart.bind(h.client), { country, currency });
  return { id: cart!.id, token: cartToken };
}

export async function newCustomerCart(h: Harness, bearer: string, country = 'FR', currency = 'EUR'): Promise<CartHandle> {
  const { cart } = await unaryCall(h.client.createCart.bind(h.client), { country, currency }, { token: bearer });
  return { id: cart!.id, token: '', bearer };
}

export async function getCart(h: Harness, c: CartHandle): Promise<pb.Cart> {
  return (await unaryCall(h.client.getCart.bind(h.client), { cartId: c.id, cartToken: c.token }, opts(c.bearer))).cart!;
}

export async function addLine(h: Harness, c: CartHandle, sku: string, quantity: number): Promise<pb.Cart> {
  return (await unaryCall(h.client.addCartLine.bind(h.client), { cartId: c.id, cartToken: c.token, sku, quantity }, opts(c.bearer))).cart!;
}

export async function updateLine(h: Harness, c: CartHandle, sku: string, quantity: number): Promise<pb.Cart> {
  return (await unaryCall(h.client.updateCartLine.bind(h.client), { cartId: c.id, cartToken: c.token, sku, quantity }, opts(c.bearer))).cart!;
}

export async function applyCoupon(h: Harness, c: CartHandle, code: string): Promise<pb.Cart> {
  return (await unaryCall(h.client.applyCoupon.bind(h.client), { cartId: c.id, cartToken: c.token, code }, opts(c.bearer))).cart!;
}

export async function removeCoupon(h: Harness, c: CartHandle, code: string): Promise<pb.Cart> {
  return (await unaryCall(h.client.removeCoupon.bind(h.client), { cartId: c.id, cartToken: c.token, code }, opts(c.bearer))).cart!;
}

export const PARIS: pb.Address = { country: 'FR', province: '', postcode: '75001', city: 'Paris', line1: '1 rue de Rivoli', name: 'Ann Smith' };

export async function setAddress(h: Harness, c: CartHandle, address: pb.Address = PARIS): Promise<pb.Cart> {
  return (await unaryCall(h.client.setShippingAddress.bind(h.client), { cartId: c.id, cartToken: c.token, address }, opts(c.bearer))).cart!;
}

export async function selectOption(h: Harness, c: CartHandle, optionId: string): Promise<pb.Cart> {
  return (await unaryCall(h.client.selectShippingOption.bind(h.client), { cartId: c.id, cartToken: c.token, optionId }, opts(c.bearer))).cart!;
}

export async function checkout(h: Harness, c: CartHandle, idempotencyKey: string, paymentMethod: string): Promise<pb.Order> {
  return (await unaryCall(h.client.checkout.bind(h.client), { cartId: c.id, cartToken: c.token, idempotencyKey, paymentMethod }, opts(c.bearer))).order!;
}

/** A cart ready to check out: lines, address, the standard option. */
export async function readyCart(h: Harness, lines: Array<[string, number]>, bearer?: string): Promise<CartHandle> {
  const c = bearer ? await newCustomerCart(h, bearer) : await newGuestCart(h);
  for (const [sku, quantity] of lines) await addLine(h, c, sku, quantity);
  await setAddress(h, c);
  await selectOption(h, c, 'standard');
  return c;
}
