// Exponential backoff shared by consumer retries and the outbox sweeper.
export interface BackoffPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
  factor?: number;
}

/** Delay before retry number `attempt` (1-based), with up to 20% jitter so retries of many rows spread out. */
export function backoffDelay(policy: BackoffPolicy, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs, policy.initialDelayMs * (policy.factor ?? 2) ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.2 * random()));
}

/** Resolves after `ms`, or at once (with false) when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
