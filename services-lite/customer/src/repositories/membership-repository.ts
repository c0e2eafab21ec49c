// Reads customer_segments, which only the triggers of migrations/customer/00002 write: what the use cases
// compare before and after a change to decide its membership events.
import { knexTransaction, type Transaction } from '@ecommerce/common/events';

export interface Membership {
  segmentId: string;
  customerId: string;
}

/** One customer's segments, or one segment's customers: what a single change can move. */
export type MembershipScope = { customerId: string } | { segmentId: string };

export class MembershipRepository {
  async list(tx: Transaction, scope: MembershipScope): Promise<Membership[]> {
    const where = 'customerId' in scope ? { customer_id: scope.customerId } : { segment_id: scope.segmentId };
    const rows: Array<{ segment_id: string; customer_id: string }> = await knexTransaction(tx)('customer_segments').where(where).select('segment_id', 'customer_id');
    return rows.map((r) => ({ segmentId: r.segment_id, customerId: r.customer_id }));
  }
}
