// The rule that turns two readings of customer_segments into membership events: one per segment that moved.
import { describe, expect, it } from 'vitest';
import { membershipChanges } from '../src/use-cases/membership-changes.js';

const m = (segmentId: string, customerId: string) => ({ segmentId, customerId });

describe('membershipChanges', () => {
  it('reports nothing when membership did not change', () => {
    expect(membershipChanges([m('s1', 'c1')], [m('s1', 'c1')])).toEqual([]);
  });

  it('groups joins and leaves by segment, segments and customers in a stable order', () => {
    const before = [m('s2', 'c9'), m('s2', 'c1'), m('s1', 'c5')];
    const after = [m('s1', 'c5'), m('s1', 'c3'), m('s3', 'c2'), m('s3', 'c1')];
    expect(membershipChanges(before, after)).toEqual([
      { segmentId: 's1', joined: ['c3'], left: [] },
      { segmentId: 's2', joined: [], left: ['c1', 'c9'] },
      { segmentId: 's3', joined: ['c1', 'c2'], left: [] },
    ]);
  });
});
