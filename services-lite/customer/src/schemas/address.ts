// Postal addresses of a customer; the two default flags are kept unique per customer by the database.
import { z } from 'zod';
import { countryCode, phone, timestamp } from './common.js';

const line = z.string().trim().min(1).max(300);

export const addressSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  label: z.string().nullable(),
  recipient: z.string(),
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  region: z.string().nullable(),
  postalCode: z.string(),
  country: z.string(),
  phone: z.string().nullable(),
  isDefaultShipping: z.boolean(),
  isDefaultBilling: z.boolean(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export type Address = z.infer<typeof addressSchema>;

export const createAddressBody = z
  .object({
    label: z.string().trim().max(100).nullable().optional(),
    recipient: line,
    line1: line,
    line2: line.nullable().optional(),
    city: z.string().trim().min(1).max(200),
    region: z.string().trim().max(200).nullable().optional(),
    postalCode: z.string().trim().min(1).max(20),
    country: countryCode,
    phone: phone.nullable().optional(),
    isDefaultShipping: z.boolean().default(false),
    isDefaultBilling: z.boolean().default(false),
  })
  .strict();

export type NewAddress = z.infer<typeof createAddressBody>;

export const updateAddressBody = z
  .object({
    label: z.string().trim().max(100).nullable(),
    recipient: line,
    line1: line,
    line2: line.nullable(),
    city: z.string().trim().min(1).max(200),
    region: z.string().trim().max(200).nullable(),
    postalCode: z.string().trim().min(1).max(20),
    country: countryCode,
    phone: phone.nullable(),
    isDefaultShipping: z.boolean(),
    isDefaultBilling: z.boolean(),
  })
  .partial()
  .strict();

export type AddressPatch = z.infer<typeof updateAddressBody>;
