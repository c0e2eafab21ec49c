// Drives one claimed saga from wherever its log says it stands: forward through the steps not yet done, or,
// once a step has failed for good, back through every started step in reverse order.
import type { Logger } from '../logger/logger.js';
import { callStep, type StepResult } from './step-call.js';
import { DEFAULT_COMPENSATION_RETRY, DEFAULT_RETRY, retryPolicy } from './retry-policy.js';
import { compensationKey, stepKey, type SagaDefinition, type SagaStep } from './saga-definition.js';
import type { SagaMetrics } from './saga-metrics.js';
import type { SagaRow, SagaStore, StepRow } from './saga-store.js';

export type BoundaryPoint = 'before-invoke' | 'after-invoke' | 'before-compensate' | 'after-compensate';

export interface SagaBoundary {
  saga: string;
  sagaId: string;
  step: string;
  point: BoundaryPoint;
}

/** Test-only: the crash tests stop the process at a named boundary; production code passes none. */
export interface SagaHooks {
  boundary?(at: SagaBoundary): void | Promise<void>;
}

export interface SagaOutcome {
  sagaId: string;
  saga: string;
  status: 'completed' | 'compensated' | 'failed';
  /** What each step's invoke returned (JSON round-tripped, as a resumed saga reads it back). */
  results: Record<string, unknown>;
  /** Why the saga compensated, or why compensation gave up. */
  error?: string;
}

export interface RunDeps {
  store: SagaStore;
  ownerId: number;
  logger: Logger;
  metrics?: SagaMetrics | undefined;
  hooks?: SagaHooks | undefined;
  closing: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export async function runSaga(deps: RunDeps, definition: SagaDefinition<unknown>, row: SagaRow): Promise<SagaOutcome> {
  const run = new SagaRun(deps, definition, row, deps.logger.child({ saga: definition.name, saga_id: row.saga_id }));
  return run.drive(await deps.store.steps(row.saga_id));
}

/** The outcome of a saga that ended earlier, read back from its log. */
export function outcomeOf(row: SagaRow, steps: StepRow[]): SagaOutcome {
  const outcome: SagaOutcome = { sagaId: row.saga_id, saga: row.saga_name, status: row.status as SagaOutcome['status'], results: resultsOf(steps) };
  if (row.error) outcome.error = row.error;
  return outcome;
}

function resultsOf(steps: StepRow[]): Record<string, unknown> {
  return Object.fromEntries(steps.filter((s) => s.output !== null && s.output !== undefined).map((s) => [s.step_name, s.output]));
}

class SagaRun {
  private readonly sagaId: string;

  constructor(
    private readonly deps: RunDeps,
    private readonly definition: SagaDefinition<unknown>,
    private readonly row: SagaRow,
    private readonly logger: Logger,
  ) {
    this.sagaId = row.saga_id;
  }

  async drive(logged: StepRow[]): Promise<SagaOutcome> {
    let reason = this.row.error ?? 'compensating';
    if (this.row.status === 'running') {
      const failure = await this.forward(logged);
      if (failure === undefined) return this.finish('completed');
      this.logger.warn({ reason: failure }, 'saga compensating');
      reason = failure;
    }
    return this.compensate(reason);
  }

  private async forward(logged: StepRow[]): Promise<string | undefined> {
    const { store, ownerId } = this.deps;
    const done = resultsOf(logged.filter((s) => s.status === 'done'));
    for (const [position, step] of this.definition.steps.entries()) {
      if (step.name in done) continue;
      // Logged before the call: a crash from here on leaves `invoking`, and the resume calls again with the same key.
      await store.recordStep(this.sagaId, ownerId, step.name, position, 'invoking');
      await this.boundary(step.name, 'before-invoke');
      const result = await this.call(step, 'invoke', (attempt, signal) =>
        step.invoke({ ...this.context(step, attempt, signal), idempotencyKey: stepKey(this.sagaId, step.name), results: { ...done } }),
      );
      if (!result.ok) {
        const reason = `${step.name}: ${messageOf(result.error)}`;
        await store.failStep(this.sagaId, ownerId, step.name, position, reason);
        return reason;
      }
      await this.boundary(step.name, 'after-invoke');
      const output = result.value === undefined ? null : JSON.parse(JSON.stringify(result.value));
      await store.recordStep(this.sagaId, ownerId, step.name, position, 'done', output);
      done[step.name] = output;
    }
    return undefined;
  }

  private async compensate(reason: string): Promise<SagaOutcome> {
    const { store, ownerId } = this.deps;
    const logged = await store.steps(this.sagaId);
    const results = resultsOf(logged);
    // Every started step, not only the done ones: a step that failed or died mid-call may have had its effect.
    const todo = logged.filter((s) => s.status !== 'compensated').sort((a, b) => b.position - a.position);
    for (const entry of todo) {
      const step = this.definition.steps.find((s) => s.name === entry.step_name);
      if (!step) return this.finish('failed', `step ${entry.step_name} is in the log but not in saga ${this.definition.name}`);
      await store.recordStep(this.sagaId, ownerId, step.name, entry.position, 'compensating');
      if (step.compensate) {
        const compensate = step.compensate.bind(step);
        await this.boundary(step.name, 'before-compensate');
        const result = await this.call(step, 'compensate', (attempt, signal) =>
          compensate({
            ...this.context(step, attempt, signal),
            idempotencyKey: compensationKey(this.sagaId, step.name),
            stepKey: stepKey(this.sagaId, step.name),
            output: entry.output ?? undefined,
            results,
          }),
        );
        if (!result.ok) return this.finish('failed', `compensating ${step.name}: ${messageOf(result.error)} (after: ${reason})`);
        await this.boundary(step.name, 'after-compensate');
      }
      await store.recordStep(this.sagaId, ownerId, step.name, entry.position, 'compensated');
    }
    return this.finish('compensated', reason);
  }

  private context(step: SagaStep<unknown>, attempt: number, signal: AbortSignal) {
    return { sagaId: this.sagaId, input: this.row.input, attempt, signal, logger: this.logger.child({ step: step.name }) };
  }

  private call<T>(step: SagaStep<unknown>, phase: 'invoke' | 'compensate', call: (attempt: number, signal: AbortSignal) => Promise<T>): Promise<StepResult<T>> {
    return callStep({
      saga: this.definition.name,
      sagaId: this.sagaId,
      step: step.name,
      phase,
      timeoutMs: step.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      retry: retryPolicy(phase === 'invoke' ? DEFAULT_RETRY : DEFAULT_COMPENSATION_RETRY, step.retry),
      logger: this.logger,
      metrics: this.deps.metrics,
      closing: this.deps.closing,
      call,
    });
  }

  private async boundary(step: string, point: BoundaryPoint): Promise<void> {
    await this.deps.hooks?.boundary?.({ saga: this.definition.name, sagaId: this.sagaId, step, point });
  }

  private async finish(status: SagaOutcome['status'], error?: string): Promise<SagaOutcome> {
    const seconds = await this.deps.store.finish(this.sagaId, this.deps.ownerId, status, error);
    this.deps.metrics?.finished.observe({ saga: this.definition.name, status }, seconds);
    const line = { status, duration_s: seconds, ...(error ? { reason: error } : {}) };
    if (status === 'failed') this.logger.error(line, 'saga failed: compensation gave up, finish it by hand');
    else this.logger.info(line, `saga ${status}`);
    return outcomeOf({ ...this.row, status, error: error ?? null }, await this.deps.store.steps(this.sagaId));
  }
}

function messageOf(err: unknown): string {
  return String((err as Error)?.message ?? err).slice(0, 1000);
}
