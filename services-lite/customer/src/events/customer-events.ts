// The customer service's integration events (proto/events/v1/customer.proto) and the auth event it consumes.
// Every write path records its events in the outbox inside its own transaction, so an event exists exactly when
// the change does.
import { defineEventType, publishInTransaction, type CloudEvent } from '@ecommerce/common/events';
import { AccountRegistered } from '@ecommerce/proto/events/v1/auth';
import {
  CustomerCreated,
  CustomerDeleted,
  CustomerStatus,
  CustomerUpdated,
  SegmentCreated,
  SegmentDeleted,
  SegmentMembershipChanged,
  SegmentRuleKind,
  SegmentUpdated,
  type CustomerSnapshot,
  type SegmentSnapshot,
} from '@ecommerce/proto/events/v1/customer';
import type { Knex } from 'knex';
import type { Customer } from '../schemas/customer.js';
import type { Segment } from '../schemas/segment.js';

export const CUSTOMER_EVENT_SOURCE = '/ecommerce/customer';

export const accountRegistered = defineEventType('auth.account.registered', AccountRegistered);

export const customerEvents = {
  created: defineEventType('customer.customer.created', CustomerCreated),
  updated: defineEventType('customer.customer.updated', CustomerUpdated),
  deleted: defineEventType('customer.customer.deleted', CustomerDeleted),
};

export const segmentEvents = {
  created: defineEventType('customer.segment.created', SegmentCreated),
  updated: defineEventType('customer.segment.updated', SegmentUpdated),
  deleted: defineEventType('customer.segment.deleted', SegmentDeleted),
  membershipChanged: defineEventType('customer.segment.membership_changed', SegmentMembershipChanged),
};

const STATUS = { active: CustomerStatus.CUSTOMER_STATUS_ACTIVE, deleted: CustomerStatus.CUSTOMER_STATUS_DELETED } as const;
const RULE_KIND = {
  shipping_country: SegmentRuleKind.SEGMENT_RULE_KIND_SHIPPING_COUNTRY,
  min_total_spent: SegmentRuleKind.SEGMENT_RULE_KIND_MIN_TOTAL_SPENT,
  registered_between: SegmentRuleKind.SEGMENT_RULE_KIND_REGISTERED_BETWEEN,
} as const;

export function customerSnapshot(c: Customer): CustomerSnapshot {
  return {
    id: c.id,
    email: c.email,
    firstName: c.firstName ?? '',
    lastName: c.lastName ?? '',
    phone: c.phone ?? '',
    status: STATUS[c.status],
    totalSpentMinor: c.totalSpentMinor,
    currency: c.currency,
    registerTime: new Date(c.registeredAt),
    updateTime: new Date(c.updatedAt),
  };
}

export function segmentSnapshot(s: Segment): SegmentSnapshot {
  return {
    id: s.id,
    name: s.name,
    description: s.description ?? '',
    memberCount: s.memberCount,
    rules: s.rules.map((r) => ({
      id: r.id,
      kind: RULE_KIND[r.kind],
      country: r.country ?? '',
      minSpentMinor: r.minSpentMinor ?? 0,
      currency: r.currency ?? '',
      registeredFromTime: r.registeredFrom ? new Date(r.registeredFrom) : undefined,
      registeredToTime: r.registeredTo ? new Date(r.registeredTo) : undefined,
    })),
  };
}

/** Field names of a request body that were given, in a stable order. */
export function changedFields(patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((k) => patch[k] !== undefined).sort();
}

const record = (trx: Knex.Transaction, event: CloudEvent) => publishInTransaction(trx, event);

export const recordCustomer = {
  created: (trx: Knex.Transaction, c: Customer) =>
    record(trx, customerEvents.created.create({ source: CUSTOMER_EVENT_SOURCE, subject: c.id, data: { customer: customerSnapshot(c) } })),
  updated: (trx: Knex.Transaction, c: Customer, fields: string[]) =>
    record(trx, customerEvents.updated.create({ source: CUSTOMER_EVENT_SOURCE, subject: c.id, data: { customer: customerSnapshot(c), changedFields: fields } })),
  deleted: (trx: Knex.Transaction, id: string, at: Date) =>
    record(trx, customerEvents.deleted.create({ source: CUSTOMER_EVENT_SOURCE, subject: id, data: { customerId: id, deleteTime: at } })),
};

export const recordSegment = {
  created: (trx: Knex.Transaction, s: Segment) =>
    record(trx, segmentEvents.created.create({ source: CUSTOMER_EVENT_SOURCE, subject: s.id, data: { segment: segmentSnapshot(s) } })),
  updated: (trx: Knex.Transaction, s: Segment) =>
    record(trx, segmentEvents.updated.create({ source: CUSTOMER_EVENT_SOURCE, subject: s.id, data: { segment: segmentSnapshot(s) } })),
  deleted: (trx: Knex.Transaction, id: string) =>
    record(trx, segmentEvents.deleted.create({ source: CUSTOMER_EVENT_SOURCE, subject: id, data: { segmentId: id } })),
  membershipChanged: (trx: Knex.Transaction, segmentId: string, joined: string[], left: string[]) =>
    record(
      trx,
      segmentEvents.membershipChanged.create({
        source: CUSTOMER_EVENT_SOURCE,
        subject: segmentId,
        data: { segmentId, joinedCustomerIds: joined, leftCustomerIds: left },
      }),
    ),
};
