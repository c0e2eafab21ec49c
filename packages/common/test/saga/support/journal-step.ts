// In-process saga steps that write what they were asked to do into a journal, optionally failing their first calls.
import type { SagaStep } from '../../../src/saga/index.js';

export type Input = { amount: number };
export const fast = { initialDelayMs: 1, maxDelayMs: 2 };

/** A step that logs what it was asked to do into `journal`, and optionally fails its first calls. */
export function step(name: string, journal: string[], options: Partial<SagaStep<Input>> & { failures?: Error[] } = {}): SagaStep<Input> {
  const failures = [...(options.failures ?? [])];
  return {
    name,
    retry: fast,
    async invoke(ctx) {
      journal.push(`invoke ${name} ${ctx.idempotencyKey} after [${Object.keys(ctx.results).join(',')}]`);
      const failure = failures.shift();
      if (failure) throw failure;
      return { [name]: ctx.input.amount };
    },
    async compensate(ctx) {
      journal.push(`compensate ${name} ${ctx.idempotencyKey} output=${JSON.stringify(ctx.output ?? null)}`);
    },
    ...options,
  };
}
