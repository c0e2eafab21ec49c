// Who may see a cart: its customer, or whoever holds a guest cart's token. Anyone else gets NOT_FOUND, so a
// cart id reveals nothing about whether it exists.
import { NotFoundError } from '@ecommerce/common/errors';
import type { Caller, Cart } from './cart.js';
import { cartTokenMatches } from './cart-token.js';

export interface CartKey {
  cartId: string;
  /** A guest cart's token; ignored for a customer cart. */
  token: string;
}

export function assertCartAccess(cart: Cart | undefined, caller: Caller, key: CartKey): Cart {
  if (!cart) throw new NotFoundError('cart', key.cartId);
  const allowed = cart.customerId !== null ? caller.customerId === cart.customerId : cart.tokenHash !== null && key.token !== '' && cartTokenMatches(key.token, cart.tokenHash);
  if (!allowed) throw new NotFoundError('cart', key.cartId);
  return cart;
}
