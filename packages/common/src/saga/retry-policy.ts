// How often and how patiently a saga step is called before its failure counts.
import { isFinalAnswer } from '../errors/final-answer.js';
import type { BackoffPolicy } from '../events/backoff.js';

export interface RetryPolicy extends BackoffPolicy {
  /** Calls in all, the first included. */
  maxAttempts: number;
  /** Whether a failure may pass if tried again; the default is isTransientError. */
  retryable: (err: unknown) => boolean;
}

/** Unknown errors (network, timeouts) and AppErrors other than a participant's final answer are worth another call. */
export function isTransientError(err: unknown): boolean {
  return !isFinalAnswer(err);
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  initialDelayMs: 100,
  maxDelayMs: 5_000,
  retryable: isTransientError,
};

/**
 * Compensations are retried longer: giving up leaves the saga `failed`, for an operator to finish by hand.
 * A step's own `retry` applies to both.
 */
export const DEFAULT_COMPENSATION_RETRY: RetryPolicy = { ...DEFAULT_RETRY, maxAttempts: 8 };

export function retryPolicy(base: RetryPolicy, override: Partial<RetryPolicy> | undefined): RetryPolicy {
  return { ...base, ...override };
}
