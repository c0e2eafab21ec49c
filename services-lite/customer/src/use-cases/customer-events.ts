// The customer.customer and customer.segment integration events (proto/events/v1/customer.proto) as the use
// cases record them: each carries the aggregate as it is after the change, so consumers need no call back.
import {
  CustomerStatus,
  SegmentRuleKind,
  type CustomerSnapshot,
  type SegmentSnapshot,
} from '@ecommerce/proto/events/v1/customer';
import type { Customer } from '../schemas/customer.js';
import type { Segment } from '../schemas/segment.js';
import type { MembershipChange } from './membership-changes.js';
import type { CustomerEvents } from './unit-of-work.js';

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

export const customerEvents = {
  created: (events: CustomerEvents, c: Customer) => events.record('customer.customer.created', { subject: c.id, data: { customer: customerSnapshot(c) } }),
  updated: (events: CustomerEvents, c: Customer, changedFields: string[]) =>
    events.record('customer.customer.updated', { subject: c.id, data: { customer: customerSnapshot(c), changedFields } }),
  /** No personal data: the profile it names has just been erased. */
  deleted: (events: CustomerEvents, customerId: string, deleteTime: Date) =>
    events.record('customer.customer.deleted', { subject: customerId, data: { customerId, deleteTime } }),
};

export const segmentEvents = {
  created: (events: CustomerEvents, s: Segment) => events.record('customer.segment.created', { subject: s.id, data: { segment: segmentSnapshot(s) } }),
  updated: (events: CustomerEvents, s: Segment) => events.record('customer.segment.updated', { subject: s.id, data: { segment: segmentSnapshot(s) } }),
  deleted: (events: CustomerEvents, segmentId: string) => events.record('customer.segment.deleted', { subject: segmentId, data: { segmentId } }),
  membershipChanged: (events: CustomerEvents, change: MembershipChange) =>
    events.record('customer.segment.membership_changed', {
      subject: change.segmentId,
      data: { segmentId: change.segmentId, joinedCustomerIds: change.joined, leftCustomerIds: change.left },
    }),
};
