// zod pieces the customer resources share.
import { isoTimestamp } from '@ecommerce/common/models';
import { z } from 'zod';

/** `:id` route parameter: a malformed id is a 400 naming `id`, never a database error. */
export const idParams = z.object({ id: z.uuid() });
export const customerAddressParams = z.object({ id: z.uuid(), addressId: z.uuid() });
export const addressParams = z.object({ addressId: z.uuid() });

export const countryCode = z
  .string()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code like "DE"')
  .transform((v) => v.toUpperCase());
export const currencyCode = z
  .string()
  .regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 code like "EUR"')
  .transform((v) => v.toUpperCase());
export const phone = z.string().trim().regex(/^\+?[0-9 ()-]{4,30}$/, 'must be a phone number like "+49 30 1234567"');
export const personName = z.string().trim().min(1).max(200);
export const timestamp = isoTimestamp();
