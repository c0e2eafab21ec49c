// Segments and their rule rows. Membership is the triggers' job (migrations/customer/00002); which events a
// rule write causes is decided by the segment use cases, in whose unit of work these writes run.
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { withConstraintErrors } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import { offsetOf, type Page, type Pagination } from '@ecommerce/common/models';
import type { Knex } from 'knex';
import type { Customer } from '../schemas/customer.js';
import type { Segment, SegmentRuleInput } from '../schemas/segment.js';
import { toCustomer, toSegmentRule, type CustomerRow, type SegmentRuleRow } from './rows.js';

interface SegmentRow {
  id: string;
  name: string;
  description: string | null;
  created_at: Date;
}

export interface NewSegment {
  name: string;
  description?: string | null;
}

export class SegmentRepository {
  constructor(private readonly db: Knex) {}

  async list(page: Pagination): Promise<Page<Segment>> {
    const [rows, [count]] = await Promise.all([
      this.db<SegmentRow>('segments').select('*').orderBy([{ column: 'name' }, { column: 'id' }]).limit(page.limit).offset(offsetOf(page)),
      this.db('segments').count<Array<{ count: string | number }>>({ count: '*' }),
    ]);
    return { items: await this.withDetails(this.db, rows), total: Number(count!.count) };
  }

  /** Inside a unit of work pass its `tx`: the segment as that transaction sees it. */
  async get(id: string, tx?: Transaction): Promise<Segment> {
    const db = tx ? knexTransaction(tx) : this.db;
    const row = await db<SegmentRow>('segments').where({ id }).first();
    if (!row) throw new NotFoundError('segment', id);
    return (await this.withDetails(db, [row]))[0]!;
  }

  /** The new segment's id; AlreadyExistsError (field `name`) when the name is taken. */
  async insert(tx: Transaction, input: NewSegment): Promise<string> {
    const known = { segments_name_key: () => new AlreadyExistsError('a segment with this name already exists', 'name') };
    // A savepoint, so a taken name leaves the caller's transaction usable.
    return withConstraintErrors(known, () =>
      knexTransaction(tx).transaction(async (sp) => {
        const [row] = await sp<SegmentRow>('segments').insert({ name: input.name, description: input.description ?? null }).returning('id');
        return row!.id;
      }),
    );
  }

  /** Locks the segment for the rest of the transaction (rule changes run one after the other); NotFoundError if missing. */
  async lock(tx: Transaction, id: string): Promise<void> {
    const row = await knexTransaction(tx)('segments').where({ id }).forUpdate().first('id');
    if (!row) throw new NotFoundError('segment', id);
  }

  async insertRules(tx: Transaction, segmentId: string, rules: SegmentRuleInput[]): Promise<void> {
    if (rules.length > 0) await knexTransaction(tx)('segment_rules').insert(rules.map((r) => ruleColumns(segmentId, r)));
  }

  async deleteRule(tx: Transaction, segmentId: string, ruleId: string): Promise<void> {
    const count = await knexTransaction(tx)('segment_rules').where({ id: ruleId, segment_id: segmentId }).delete();
    if (count === 0) throw new NotFoundError('segment rule', ruleId);
  }

  async delete(tx: Transaction, id: string): Promise<void> {
    const count = await knexTransaction(tx)('segments').where({ id }).delete();
    if (count === 0) throw new NotFoundError('segment', id);
  }

  async members(id: string, page: Pagination): Promise<Page<Customer>> {
    await this.get(id);
    const members = this.db<CustomerRow>('customers as c').join('customer_segments as cs', 'cs.customer_id', 'c.id').where('cs.segment_id', id);
    const [rows, [count]] = await Promise.all([
      members.clone().select('c.*').orderBy([{ column: 'c.registered_at', order: 'desc' }, { column: 'c.id' }]).limit(page.limit).offset(offsetOf(page)),
      members.clone().count<Array<{ count: string | number }>>({ count: '*' }),
    ]);
    return { items: rows.map(toCustomer), total: Number(count!.count) };
  }

  private async withDetails(db: Knex, rows: SegmentRow[]): Promise<Segment[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [rules, counts] = await Promise.all([
      db<SegmentRuleRow>('segment_rules').whereIn('segment_id', ids).orderBy('id'),
      db('customer_segments').whereIn('segment_id', ids).groupBy('segment_id').select('segment_id').count({ count: '*' }),
    ]);
    const countOf = new Map((counts as Array<{ segment_id: string; count: string | number }>).map((c) => [c.segment_id, Number(c.count)]));
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      description: r.description,
      rules: rules.filter((rule) => rule.segment_id === r.id).map(toSegmentRule),
      memberCount: countOf.get(r.id) ?? 0,
      createdAt: r.created_at.toISOString(),
    }));
  }
}

function ruleColumns(segmentId: string, rule: SegmentRuleInput): Record<string, unknown> {
  switch (rule.kind) {
    case 'shipping_country':
      return { segment_id: segmentId, kind: rule.kind, country: rule.country };
    case 'min_total_spent':
      return { segment_id: segmentId, kind: rule.kind, min_spent_minor: rule.minSpentMinor, currency: rule.currency };
    case 'registered_between':
      return { segment_id: segmentId, kind: rule.kind, registered_from: rule.registeredFrom ?? null, registered_to: rule.registeredTo ?? null };
  }
}
