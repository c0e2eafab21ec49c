// Customer profile: what leaves the service, and what owners and staff may change.
import { paginationQuery } from '@ecommerce/common/models';
import { z } from 'zod';
import { currencyCode, personName, phone, timestamp } from './common.js';

export const customerSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'deleted']),
  totalSpentMinor: z.number().int(),
  currency: z.string(),
  registeredAt: timestamp,
  updatedAt: timestamp,
  deletedAt: timestamp.nullable(),
});

export type Customer = z.infer<typeof customerSchema>;

/** What the owner may change; `null` clears a field. */
export const updateProfileBody = z
  .object({
    firstName: personName.nullable(),
    lastName: personName.nullable(),
    phone: phone.nullable(),
  })
  .partial()
  .strict();

/** Staff may also correct the segment inputs (until the order service reports spend by event). */
export const staffUpdateCustomerBody = updateProfileBody
  .extend({
    totalSpentMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    currency: currencyCode,
  })
  .partial()
  .strict();

export type CustomerPatch = z.infer<typeof staffUpdateCustomerBody>;

export const listCustomersQuery = paginationQuery.extend({
  email: z.string().trim().min(1).max(320).optional(),
  status: z.enum(['active', 'deleted']).optional(),
  segmentId: z.uuid().optional(),
  registeredFrom: timestamp.optional(),
  registeredTo: timestamp.optional(),
});

export type CustomerFilter = z.infer<typeof listCustomersQuery>;
