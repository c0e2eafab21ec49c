// Row shapes of the customer schema and their API forms (camelCase, ISO-8601 UTC, bigint as number).
import type { Address } from '../schemas/address.js';
import type { Customer } from '../schemas/customer.js';
import type { SegmentRule } from '../schemas/segment.js';

export interface CustomerRow {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  status: 'active' | 'deleted';
  total_spent_minor: string | number;
  currency: string;
  registered_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
}

export interface AddressRow {
  id: string;
  customer_id: string;
  label: string | null;
  recipient: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country: string;
  phone: string | null;
  is_default_shipping: boolean;
  is_default_billing: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface SegmentRuleRow {
  id: string;
  segment_id: string;
  kind: SegmentRule['kind'];
  country: string | null;
  min_spent_minor: string | number | null;
  currency: string | null;
  registered_from: Date | null;
  registered_to: Date | null;
}

const iso = (d: Date) => d.toISOString();

export function toCustomer(r: CustomerRow): Customer {
  return {
    id: r.id,
    email: r.email,
    firstName: r.first_name,
    lastName: r.last_name,
    phone: r.phone,
    status: r.status,
    totalSpentMinor: Number(r.total_spent_minor),
    currency: r.currency,
    registeredAt: iso(r.registered_at),
    updatedAt: iso(r.updated_at),
    deletedAt: r.deleted_at ? iso(r.deleted_at) : null,
  };
}

export function toAddress(r: AddressRow): Address {
  return {
    id: r.id,
    customerId: r.customer_id,
    label: r.label,
    recipient: r.recipient,
    line1: r.line1,
    line2: r.line2,
    city: r.city,
    region: r.region,
    postalCode: r.postal_code,
    country: r.country,
    phone: r.phone,
    isDefaultShipping: r.is_default_shipping,
    isDefaultBilling: r.is_default_billing,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function toSegmentRule(r: SegmentRuleRow): SegmentRule {
  return {
    id: r.id,
    kind: r.kind,
    country: r.country,
    minSpentMinor: r.min_spent_minor === null ? null : Number(r.min_spent_minor),
    currency: r.currency,
    registeredFrom: r.registered_from ? iso(r.registered_from) : null,
    registeredTo: r.registered_to ? iso(r.registered_to) : null,
  };
}

const SNAKE: Record<string, string> = {
  firstName: 'first_name',
  lastName: 'last_name',
  totalSpentMinor: 'total_spent_minor',
  postalCode: 'postal_code',
  isDefaultShipping: 'is_default_shipping',
  isDefaultBilling: 'is_default_billing',
};

/** A validated patch as column values: undefined fields left out, names in snake_case. */
export function toColumns(patch: Record<string, unknown>): Record<string, unknown> {
  const columns: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) columns[SNAKE[key] ?? key] = value;
  return columns;
}
