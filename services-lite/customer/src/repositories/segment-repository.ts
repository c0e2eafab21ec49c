// Segments and their rule rows. Membership is the triggers' job (migrations/customer/00002): here a rule write
// only records what moved, through trackMembership, and the segment's own event.
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { PG_UNIQUE_VIOLATION, sqlState } from '@ecommerce/common/db';
import { offsetOf, type Page, type Pagination } from '@ecommerce/common/models';
import type { Knex } from 'knex';
import { recordSegment } from '../events/customer-events.js';
import type { Customer } from '../schemas/customer.js';
import type { Segment, SegmentRuleInput } from '../schemas/segment.js';
import { trackMembership } from './membership-changes.js';
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
  rules: SegmentRuleInput[];
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

  async get(id: string, db: Knex = this.db): Promise<Segment> {
    const row = await db<SegmentRow>('segments').where({ id }).first();
    if (!row) throw new NotFoundError('segment', id);
    return (await this.withDetails(db, [row]))[0]!;
  }

  async create(input: NewSegment): Promise<Segment> {
    try {
      return await this.db.transaction(async (trx) => {
        const [row] = await trx<SegmentRow>('segments').insert({ name: input.name, description: input.description ?? null }).returning('*');
        const id = row!.id;
        // The created event first: consumers see the segment before anyone joins it.
        const empty = await this.get(id, trx);
        await recordSegment.created(trx, { ...empty, rules: [] });
        if (input.rules.length > 0) {
          await trackMembership(trx, { segmentId: id }, () => trx('segment_rules').insert(input.rules.map((r) => ruleColumns(id, r))));
          await recordSegment.updated(trx, await this.get(id, trx));
        }
        return this.get(id, trx);
      });
    } catch (err) {
      if (sqlState(err) === PG_UNIQUE_VIOLATION) throw new AlreadyExistsError('a segment with this name already exists', 'name');
      throw err;
    }
  }

  async addRule(segmentId: string, rule: SegmentRuleInput): Promise<Segment> {
    return this.db.transaction(async (trx) => {
      await lockSegment(trx, segmentId);
      await trackMembership(trx, { segmentId }, () => trx('segment_rules').insert(ruleColumns(segmentId, rule)));
      const segment = await this.get(segmentId, trx);
      await recordSegment.updated(trx, segment);
      return segment;
    });
  }

  async deleteRule(segmentId: string, ruleId: string): Promise<Segment> {
    return this.db.transaction(async (trx) => {
      await lockSegment(trx, segmentId);
      await trackMembership(trx, { segmentId }, async () => {
        const count = await trx('segment_rules').where({ id: ruleId, segment_id: segmentId }).delete();
        if (count === 0) throw new NotFoundError('segment rule', ruleId);
      });
      const segment = await this.get(segmentId, trx);
      await recordSegment.updated(trx, segment);
      return segment;
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const count = await trx('segments').where({ id }).delete();
      if (count === 0) throw new NotFoundError('segment', id);
      await recordSegment.deleted(trx, id);
    });
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

async function lockSegment(trx: Knex.Transaction, id: string): Promise<void> {
  const row = await trx('segments').where({ id }).forUpdate().first('id');
  if (!row) throw new NotFoundError('segment', id);
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
