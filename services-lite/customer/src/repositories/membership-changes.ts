// Segment membership is written by triggers, out of the code's sight. A write that may move customers between
// segments runs inside `trackMembership`: it compares customer_segments before and after (same transaction) and
// records one customer.segment.membership_changed per segment that gained or lost members.
import type { Knex } from 'knex';
import { recordSegment } from '../events/customer-events.js';

type Scope = { customerId: string } | { segmentId: string };

export async function trackMembership<T>(trx: Knex.Transaction, scope: Scope, work: () => Promise<T>): Promise<T> {
  const before = await memberships(trx, scope);
  const result = await work();
  const after = await memberships(trx, scope);
  const changes = new Map<string, { joined: string[]; left: string[] }>();
  const entry = (segmentId: string) => {
    let c = changes.get(segmentId);
    if (!c) changes.set(segmentId, (c = { joined: [], left: [] }));
    return c;
  };
  for (const key of after) if (!before.has(key)) entry(segmentOf(key)).joined.push(customerOf(key));
  for (const key of before) if (!after.has(key)) entry(segmentOf(key)).left.push(customerOf(key));
  for (const [segmentId, { joined, left }] of [...changes].sort(([a], [b]) => a.localeCompare(b))) {
    await recordSegment.membershipChanged(trx, segmentId, joined.sort(), left.sort());
  }
  return result;
}

async function memberships(trx: Knex.Transaction, scope: Scope): Promise<Set<string>> {
  const where = 'customerId' in scope ? { customer_id: scope.customerId } : { segment_id: scope.segmentId };
  const rows: Array<{ segment_id: string; customer_id: string }> = await trx('customer_segments').where(where).select('segment_id', 'customer_id');
  return new Set(rows.map((r) => `${r.segment_id}/${r.customer_id}`));
}

const segmentOf = (key: string) => key.slice(0, key.indexOf('/'));
const customerOf = (key: string) => key.slice(key.indexOf('/') + 1);
