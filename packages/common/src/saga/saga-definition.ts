// What a service writes to declare a saga: ordered steps, each with its compensation beside it (DESIGN.md 11).
import type { Logger } from '../logger/logger.js';
import type { RetryPolicy } from './retry-policy.js';

export interface StepContext<I> {
  sagaId: string;
  input: I;
  /** `<saga id>:<step>`: the participant dedupes on it, so a resumed saga that calls again has no second effect. */
  idempotencyKey: string;
  /** What the steps before this one returned, by step name. */
  results: Readonly<Record<string, unknown>>;
  /** 1 for the first call in this process; retries count up. A resumed step starts again at 1. */
  attempt: number;
  /** Aborted when the step's timeout passes: hand it to the call (gRPC deadline, fetch). */
  signal: AbortSignal;
  logger: Logger;
}

export interface CompensationContext<I> extends StepContext<I> {
  /**
   * `<saga id>:<step>:compensate`. Not the invoke's key: a participant guarding its endpoints with the
   * idempotency kit refuses one key reused for another request.
   */
  idempotencyKey: string;
  /** The key the invoke was called with: how a participant finds the effect to undo. */
  stepKey: string;
  /**
   * What the invoke returned; undefined when none was recorded (it failed, timed out, or the process died
   * mid-call), in which case the effect may or may not exist and the compensation must handle both.
   */
  output: unknown;
}

export interface SagaStep<I> {
  /** Unique within the saga, without `:` (it separates the parts of the idempotency key). */
  name: string;
  /** Returns what later steps (and the outcome) may read; it must be JSON-serialisable (it is logged). */
  invoke(ctx: StepContext<I>): Promise<unknown>;
  /** Undoes the invoke; when the invoke did nothing it must do nothing. Omit for a step that changes nothing. */
  compensate?(ctx: CompensationContext<I>): Promise<void>;
  /** Per call (default 30 s); a timed-out call counts as a transient failure. */
  timeoutMs?: number;
  retry?: Partial<RetryPolicy>;
}

export interface SagaDefinition<I> {
  name: string;
  steps: readonly SagaStep<I>[];
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Checks the definition once, at start-up, so a typo fails the boot and not the first checkout. */
export function defineSaga<I>(definition: SagaDefinition<I>): SagaDefinition<I> {
  if (!NAME.test(definition.name)) throw new Error(`saga name ${JSON.stringify(definition.name)}: letters, digits, '_', '.', '-'`);
  if (definition.steps.length === 0) throw new Error(`saga ${definition.name} has no steps`);
  const seen = new Set<string>();
  for (const step of definition.steps) {
    if (!NAME.test(step.name)) throw new Error(`saga ${definition.name}: step name ${JSON.stringify(step.name)}: letters, digits, '_', '.', '-'`);
    if (seen.has(step.name)) throw new Error(`saga ${definition.name}: step ${step.name} appears twice`);
    seen.add(step.name);
  }
  return definition;
}

export function stepKey(sagaId: string, step: string): string {
  return `${sagaId}:${step}`;
}

export function compensationKey(sagaId: string, step: string): string {
  return `${sagaId}:${step}:compensate`;
}
