// The pure rules on their own: the automatic moderation policy and the rating arithmetic.
import { describe, expect, it } from 'vitest';
import { ModerationPolicy } from '../src/biz/moderation-policy.js';
import { averageOf, ratingDelta } from '../src/biz/rating.js';

describe('ModerationPolicy', () => {
  const policy = new ModerationPolicy(['scam', 'rip off', 'a+b']);

  it('approves a verified purchase with clean text and leaves an unverified one pending', () => {
    expect(policy.decide({ title: 'Fine', body: 'Does the job.' }, true)).toEqual({ status: 'approved', reason: '' });
    expect(policy.decide({ title: 'Fine', body: 'Does the job.' }, false).status).toBe('pending');
  });

  it('flags a banned word or phrase in the title or body, whatever the case, verified or not', () => {
    expect(policy.decide({ title: 'SCAM!', body: '' }, true)).toEqual({ status: 'flagged', reason: 'contains the banned word "SCAM"' });
    expect(policy.decide({ title: '', body: 'a real Rip Off' }, false).status).toBe('flagged');
  });

  it('matches whole words only, and treats the list as text, not patterns', () => {
    expect(policy.bannedWordIn({ title: 'scampi', body: 'scams' })).toBeUndefined();
    expect(policy.bannedWordIn({ title: 'aab', body: '' })).toBeUndefined();
    expect(policy.bannedWordIn({ title: 'x a+b y', body: '' })).toBe('a+b');
  });

  it('flags nothing with an empty list', () => {
    expect(new ModerationPolicy([' ', '']).decide({ title: 'scam', body: 'scam' }, true).status).toBe('approved');
  });
});

describe('rating arithmetic', () => {
  it('moves an approved review from its old stars to its new ones on an edit, and nothing for unapproved ones', () => {
    expect(ratingDelta({ status: 'approved', rating: 2 }, { status: 'approved', rating: 5 })).toEqual([0, -1, 0, 0, 1]);
    expect(ratingDelta({ status: 'approved', rating: 3 }, { status: 'approved', rating: 3 })).toEqual([0, 0, 0, 0, 0]);
    expect(ratingDelta({ status: 'pending', rating: 3 }, { status: 'approved', rating: 4 })).toEqual([0, 0, 0, 1, 0]);
    expect(ratingDelta({ status: 'approved', rating: 1 }, undefined)).toEqual([-1, 0, 0, 0, 0]);
    expect(ratingDelta(undefined, { status: 'flagged', rating: 5 })).toEqual([0, 0, 0, 0, 0]);
  });

  it('rounds the average to 2 decimals half away from zero', () => {
    expect(averageOf({ count: 0, ratingSum: 0 })).toBe(0);
    expect(averageOf({ count: 8, ratingSum: 33 })).toBe(4.13); // 4.125
    expect(averageOf({ count: 3, ratingSum: 13 })).toBe(4.33); // 4.333...
    expect(averageOf({ count: 3, ratingSum: 14 })).toBe(4.67); // 4.666...
    expect(averageOf({ count: 200, ratingSum: 999 })).toBe(5); // 4.995
  });
});
