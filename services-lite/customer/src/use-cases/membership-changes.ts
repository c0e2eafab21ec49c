// Segment membership is written by database triggers, out of the code's sight; the event for a move is still
// decided by the use case that made it. A write that may move customers between segments runs inside `track`:
// membership is read before and after (same transaction) and one customer.segment.membership_changed is
// recorded per segment that gained or lost members.
import type { Transaction } from '@ecommerce/common/events';
import type { Membership, MembershipRepository, MembershipScope } from '../repositories/membership-repository.js';
import { segmentEvents } from './customer-events.js';
import type { CustomerEvents } from './unit-of-work.js';

export interface MembershipChange {
  segmentId: string;
  /** Customer ids, sorted. */
  joined: string[];
  left: string[];
}

export class MembershipTracker {
  constructor(private readonly memberships: MembershipRepository) {}

  async track<T>(tx: Transaction, events: CustomerEvents, scope: MembershipScope, work: () => Promise<T>): Promise<T> {
    const before = await this.memberships.list(tx, scope);
    const result = await work();
    const after = await this.memberships.list(tx, scope);
    for (const change of membershipChanges(before, after)) segmentEvents.membershipChanged(events, change);
    return result;
  }
}

/** The moves between two readings of customer_segments, by segment id, each list sorted (stable events). */
export function membershipChanges(before: Membership[], after: Membership[]): MembershipChange[] {
  const key = (m: Membership) => `${m.segmentId}/${m.customerId}`;
  const was = new Set(before.map(key));
  const is = new Set(after.map(key));
  const changes = new Map<string, MembershipChange>();
  const entry = (segmentId: string) => {
    let change = changes.get(segmentId);
    if (!change) changes.set(segmentId, (change = { segmentId, joined: [], left: [] }));
    return change;
  };
  for (const m of after) if (!was.has(key(m))) entry(m.segmentId).joined.push(m.customerId);
  for (const m of before) if (!is.has(key(m))) entry(m.segmentId).left.push(m.customerId);
  return [...changes.values()]
    .sort((a, b) => a.segmentId.localeCompare(b.segmentId))
    .map((c) => ({ segmentId: c.segmentId, joined: c.joined.sort(), left: c.left.sort() }));
}
