// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names, reported
// in the proto's snake_case by parseProtoRequest.
import { z } from 'zod';
import { isIsoCurrency } from '../biz/currencies.js';
import { MAX_LINE_QUANTITY } from '../biz/cart.js';
import { ORDER_STATUSES } from '../biz/order.js';

const uuid = z.uuid({ message: 'must be a UUID' });
const cartToken = z.string().max(100, 'must be at most 100 characters');
const sku = z
  .string()
  .min(1, 'must not be empty')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'must be letters, digits, ".", "_" or "-", starting with a letter or digit');
const country = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code in upper case, e.g. FR');
const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code in upper case, e.g. EUR')
  .refine(isIsoCurrency, 'must be an ISO 4217 currency code');
const code = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`);

export const createCartRequest = z.object({ country, currency });
export const cartRequest = z.object({ cartId: uuid, cartToken });
export const addCartLineRequest = z.object({
  cartId: uuid,
  cartToken,
  sku,
  quantity: z.number().int().min(1, 'must be at least 1').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`),
});
export const updateCartLineRequest = z.object({
  cartId: uuid,
  cartToken,
  sku,
  quantity: z.number().int().min(0, 'must not be negative').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`),
});
export const cartLineRequest = z.object({ cartId: uuid, cartToken, sku });
export const couponRequest = z.object({ cartId: uuid, cartToken, code });
export const address = z.object({
  country,
  province: text(100),
  postcode: text(20),
  city: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  line1: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export const setShippingAddressRequest = z.object({ cartId: uuid, cartToken, address: address.optional().refine((a) => a !== undefined, 'required') });
export const selectShippingOptionRequest = z.object({ cartId: uuid, cartToken, optionId: z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters') });
export const mergeCartRequest = z.object({ guestCartId: uuid, guestCartToken: z.string().min(1, 'required for a guest cart').max(100, 'must be at most 100 characters') });
export const checkoutRequest = z.object({
  cartId: uuid,
  cartToken,
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'must be 1 to 64 of A-Z a-z 0-9 _ . -'),
  paymentMethod: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
});
export const orderIdRequest = z.object({ orderId: uuid });
export const listOrdersRequest = z.object({
  pageSize: z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100'),
  pageToken: text(500),
  status: z.union([z.literal(''), z.enum(ORDER_STATUSES as [string, ...string[]], { message: `must be one of ${ORDER_STATUSES.join(', ')}` })]),
  customerId: text(100),
});
export const cancelOrderRequest = z.object({ orderId: uuid, reason: text(500) });
export const returnOrderLinesRequest = z.object({
  orderId: uuid,
  lines: z
    .array(z.object({ orderLineId: uuid, quantity: z.number().int().min(1, 'must be at least 1').max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`) }))
    .min(1, 'must name at least one line')
    .max(100, 'must be at most 100 lines'),
  reason: text(500),
});
