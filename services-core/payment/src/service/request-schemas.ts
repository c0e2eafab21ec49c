// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names.
import { z } from 'zod';
import { CURRENCIES } from '../biz/currency.js';

/** Printable ASCII, 1 to 255 characters (a UUID or any client-made token); the same key space as the providers'. */
const idempotencyKey = z.string().regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 printable ASCII characters');
const id = z.uuid({ message: 'must be a UUID' });
const orderId = z.string().regex(/^[\x21-\x7e]{1,100}$/, 'must be 1 to 100 printable ASCII characters');
/** Integer minor units; the upper bound keeps every sum exact in a JavaScript number. */
const MAX_AMOUNT_MINOR = 1_000_000_000_000;
const positiveAmount = z.number().int('must be a whole number of minor units').min(1, 'must be greater than 0').max(MAX_AMOUNT_MINOR, `must be at most ${MAX_AMOUNT_MINOR}`);

export const authorizePaymentRequest = z.object({
  orderId,
  customerId: z.string().regex(/^[\x21-\x7e]{0,100}$/, 'must be at most 100 printable ASCII characters'),
  amountMinor: positiveAmount,
  currency: z.enum([...CURRENCIES] as [string, ...string[]], { message: 'must be an ISO 4217 currency code such as EUR' }),
  paymentMethod: z.string().regex(/^[\x21-\x7e]{1,255}$/, 'must be 1 to 255 printable ASCII characters'),
  idempotencyKey,
  provider: z.enum(['', 'test', 'stripe'], { message: 'must be empty (the default), test or stripe' }),
});

export const voidPaymentRequest = z.object({ paymentId: id, idempotencyKey });

export const capturePaymentRequest = z.object({
  paymentId: id,
  amountMinor: z.number().int('must be a whole number of minor units').min(0, 'must not be negative (0 captures everything authorized)').max(MAX_AMOUNT_MINOR),
  idempotencyKey,
});

export const refundPaymentRequest = z.object({
  paymentId: id,
  amountMinor: positiveAmount,
  idempotencyKey,
  reason: z.string().max(500, 'must be at most 500 characters'),
});

export const getPaymentRequest = z.object({ id });
export const listPaymentsRequest = z.object({ orderId });
