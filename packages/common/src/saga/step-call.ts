// One step call as the orchestrator makes it: under a timeout, retried with backoff while the failure is
// transient, inside one OpenTelemetry span, each call counted by outcome.
import { SpanStatusCode, trace } from '@opentelemetry/api';
import { AppError } from '../errors/app-error.js';
import { backoffDelay, sleep } from '../events/backoff.js';
import type { Logger } from '../logger/logger.js';
import type { RetryPolicy } from './retry-policy.js';
import type { SagaMetrics } from './saga-metrics.js';

export class StepTimeoutError extends AppError {
  constructor(step: string, ms: number) {
    super('deadline_exceeded', `saga step ${step} timed out after ${ms} ms`);
  }
}

/** The orchestrator is closing: the saga is left for another instance (or the next start) to resume. */
export class OrchestratorClosingError extends AppError {
  constructor() {
    super('unavailable', 'the saga orchestrator is shutting down; the saga resumes later');
  }
}

export interface StepCall<T> {
  saga: string;
  sagaId: string;
  step: string;
  phase: 'invoke' | 'compensate';
  timeoutMs: number;
  retry: RetryPolicy;
  logger: Logger;
  metrics?: SagaMetrics | undefined;
  /** Aborted on close: no new attempt starts, a backoff wait ends. */
  closing: AbortSignal;
  call(attempt: number, signal: AbortSignal): Promise<T>;
}

export type StepResult<T> = { ok: true; value: T } | { ok: false; error: unknown };

export function callStep<T>(spec: StepCall<T>): Promise<StepResult<T>> {
  const attributes = { 'saga.name': spec.saga, 'saga.id': spec.sagaId, 'saga.step': spec.step, 'saga.phase': spec.phase };
  return trace.getTracer('saga').startActiveSpan(`saga ${spec.saga}/${spec.step} ${spec.phase}`, { attributes }, async (span): Promise<StepResult<T>> => {
    try {
      for (let attempt = 1; ; attempt++) {
        if (spec.closing.aborted) throw new OrchestratorClosingError();
        try {
          const value = await withTimeout(spec, attempt);
          spec.metrics?.stepCalls.inc({ saga: spec.saga, step: spec.step, phase: spec.phase, outcome: 'ok' });
          span.setAttribute('saga.attempts', attempt);
          return { ok: true, value };
        } catch (error) {
          const outcome = error instanceof StepTimeoutError ? 'timeout' : 'error';
          spec.metrics?.stepCalls.inc({ saga: spec.saga, step: spec.step, phase: spec.phase, outcome });
          span.addEvent('attempt failed', { attempt, message: String((error as Error)?.message ?? error) });
          if (attempt >= spec.retry.maxAttempts || !spec.retry.retryable(error)) {
            span.setAttribute('saga.attempts', attempt);
            span.setStatus({ code: SpanStatusCode.ERROR, message: String((error as Error)?.message ?? error) });
            spec.logger.warn({ err: error, step: spec.step, phase: spec.phase, attempt }, 'saga step failed');
            return { ok: false, error };
          }
          const delayMs = backoffDelay(spec.retry, attempt);
          spec.logger.info({ err: error, step: spec.step, phase: spec.phase, attempt, retry_in_ms: delayMs }, 'saga step failed; retrying');
          await sleep(delayMs, spec.closing);
        }
      }
    } finally {
      span.end();
    }
  });
}

/** A call that outlives its timeout is abandoned, not stopped: the retry (same key) is deduped by the participant. */
async function withTimeout<T>(spec: StepCall<T>, attempt: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new StepTimeoutError(spec.step, spec.timeoutMs);
      controller.abort(error);
      reject(error);
    }, spec.timeoutMs);
  });
  try {
    return await Promise.race([spec.call(attempt, controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
