// A client cancels at its own deadline, which reaches the server before the server's copy of that deadline (it
// started counting only when the request arrived): such a cancellation is still a DEADLINE_EXCEEDED, not ABORTED.
import { describe, expect, it } from 'vitest';
import { cancelledByDeadline } from '../../src/grpc/server.js';

const receivedAt = 1_000_000;
const deadline = new Date(receivedAt + 100); // a 100 ms deadline, as the server counts it

describe('cancelledByDeadline', () => {
  it('counts a cancellation that arrives shortly before the server-side deadline (the request travelled 30 ms)', () => {
    expect(cancelledByDeadline(deadline, receivedAt, receivedAt + 70)).toBe(true);
  });

  it('counts a cancellation at or after the deadline', () => {
    expect(cancelledByDeadline(deadline, receivedAt, receivedAt + 100)).toBe(true);
    expect(cancelledByDeadline(deadline, receivedAt, receivedAt + 150)).toBe(true);
  });

  it('leaves an early cancellation, or one without a deadline, as the client giving up', () => {
    expect(cancelledByDeadline(deadline, receivedAt, receivedAt + 10)).toBe(false);
    expect(cancelledByDeadline(undefined, receivedAt, receivedAt + 10_000)).toBe(false);
  });

  it('never widens the window beyond a second for long deadlines', () => {
    const long = new Date(receivedAt + 60_000);
    expect(cancelledByDeadline(long, receivedAt, receivedAt + 58_000)).toBe(false);
    expect(cancelledByDeadline(long, receivedAt, receivedAt + 59_500)).toBe(true);
  });
});
