// The pure rules: the retry schedule after a failed attempt, and what counts as an email address.
import { describe, expect, it } from 'vitest';
import { isEmailAddress } from '../src/biz/email-address.js';
import { afterFailedAttempt } from '../src/biz/notification.js';

const policy = { maxAttempts: 4, baseDelayMs: 1_000, maxDelayMs: 5_000 };
const now = new Date('2026-01-01T00:00:00Z');

describe('retry schedule', () => {
  it('doubles the delay after each transient failure, up to the cap', () => {
    const delays = [1, 2, 3].map((attempts) => {
      const next = afterFailedAttempt(policy, attempts, false, now);
      return next.status === 'pending' ? next.nextAttemptAt.getTime() - now.getTime() : undefined;
    });
    expect(delays).toEqual([1_000, 2_000, 4_000]);
    expect(afterFailedAttempt({ ...policy, maxAttempts: 10 }, 5, false, now)).toEqual({ status: 'pending', nextAttemptAt: new Date(now.getTime() + 5_000) });
  });

  it('fails after the last attempt, and at once on a permanent refusal', () => {
    expect(afterFailedAttempt(policy, 4, false, now)).toEqual({ status: 'failed' });
    expect(afterFailedAttempt(policy, 1, true, now)).toEqual({ status: 'failed' });
  });
});

describe('email address', () => {
  it.each(['ada@example.com', 'ada.lovelace+shop@mail.example.co.uk', 'x_y@sub-domain.example'])('accepts %s', (address) => {
    expect(isEmailAddress(address)).toBe(true);
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@@example.com', 'ada@example', 'a b@example.com', 'a@b.example>, x@evil.example', 'ada@-x.example', `${'a'.repeat(250)}@example.com`])(
    'refuses %j',
    (address) => {
      expect(isEmailAddress(address)).toBe(false);
    },
  );
});
