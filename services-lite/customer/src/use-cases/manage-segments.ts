// Staff management of rule-based segments. Membership follows the rules by trigger; each rule change decides
// customer.segment.updated and the membership events of the customers it moved.
import type { Transaction } from '@ecommerce/common/events';
import type { SegmentRepository } from '../repositories/segment-repository.js';
import type { Segment, SegmentRuleInput } from '../schemas/segment.js';
import { segmentEvents } from './customer-events.js';
import type { MembershipTracker } from './membership-changes.js';
import type { CustomerUnitOfWork } from './unit-of-work.js';

export interface CreateSegmentInput {
  name: string;
  description?: string | null | undefined;
  rules: SegmentRuleInput[];
}

export interface SegmentDeps {
  uow: CustomerUnitOfWork;
  segments: SegmentRepository;
  membership: MembershipTracker;
}

export class SegmentUseCases {
  constructor(private readonly deps: SegmentDeps) {}

  create(input: CreateSegmentInput): Promise<Segment> {
    const { uow, segments, membership } = this.deps;
    return uow.run(async (tx, events) => {
      const id = await segments.insert(tx, { name: input.name, description: input.description ?? null });
      // The created event first, without rules: consumers see the segment before anyone joins it.
      segmentEvents.created(events, await segments.get(id, tx));
      if (input.rules.length === 0) return segments.get(id, tx);
      await membership.track(tx, events, { segmentId: id }, () => segments.insertRules(tx, id, input.rules));
      const segment = await segments.get(id, tx);
      segmentEvents.updated(events, segment);
      return segment;
    });
  }

  addRule(segmentId: string, rule: SegmentRuleInput): Promise<Segment> {
    return this.changeRules(segmentId, (tx) => this.deps.segments.insertRules(tx, segmentId, [rule]));
  }

  deleteRule(segmentId: string, ruleId: string): Promise<Segment> {
    return this.changeRules(segmentId, (tx) => this.deps.segments.deleteRule(tx, segmentId, ruleId));
  }

  /** Its memberships go with it (cascade); consumers learn that from the deleted event. */
  async delete(id: string): Promise<void> {
    const { uow, segments } = this.deps;
    await uow.run(async (tx, events) => {
      await segments.delete(tx, id);
      segmentEvents.deleted(events, id);
    });
  }

  private changeRules(segmentId: string, change: (tx: Transaction) => Promise<void>): Promise<Segment> {
    const { uow, segments, membership } = this.deps;
    return uow.run(async (tx, events) => {
      await segments.lock(tx, segmentId);
      await membership.track(tx, events, { segmentId }, () => change(tx));
      const segment = await segments.get(segmentId, tx);
      segmentEvents.updated(events, segment);
      return segment;
    });
  }
}
