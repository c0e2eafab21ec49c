// The orchestrator in one process against real Postgres: step order and keys, reverse compensation, retries,
// timeouts, a compensation that gives up, restarts of a finished saga, and what it reports (metrics, spans, logs).
import { Writable } from 'node:stream';
import { InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FailedPreconditionError, UnavailableError } from '../../src/errors/index.js';
import { createLogger } from '../../src/logger/index.js';
import { initTracing, type Tracing } from '../../src/observability/index.js';
import { defineSaga, SagaOrchestrator, type SagaStep } from '../../src/saga/index.js';
import { fast, step, type Input } from './support/journal-step.js';
import { createTemplateDatabase, type TemplateDatabase } from '../support/template-database.js';

let database: TemplateDatabase;
let tracing: Tracing;
const spans = new InMemorySpanExporter();
const logLines: Array<Record<string, unknown>> = [];
const logger = createLogger({
  service: 'saga-test',
  destination: new Writable({ write(chunk, _e, cb) { logLines.push(JSON.parse(String(chunk))); cb(); } }),
});

beforeAll(async () => {
  tracing = initTracing({ service: 'saga-test', processors: [new SimpleSpanProcessor({ exporter: spans })] });
  database = await createTemplateDatabase('flow', ['saga']);
});

afterAll(async () => {
  await database.close();
  await tracing.shutdown();
});

async function orchestratorFor(registry = new Registry(), ...sagas: Parameters<typeof defineSaga<Input>>[0][]) {
  return SagaOrchestrator.create({ db: database.db, logger, metrics: registry, sagas: sagas.map((s) => defineSaga(s)) });
}

describe('saga orchestrator', () => {
  it('runs the steps in order, each with the key <saga id>:<step> and the results before it', async () => {
    const journal: string[] = [];
    const orchestrator = await orchestratorFor(undefined, { name: 'in-order', steps: [step('a', journal), step('b', journal)] });
    try {
      const outcome = await orchestrator.start('in-order', 'order-1', { amount: 5 });
      expect(outcome).toEqual({ sagaId: 'order-1', saga: 'in-order', status: 'completed', results: { a: { a: 5 }, b: { b: 5 } } });
      expect(journal).toEqual(['invoke a order-1:a after []', 'invoke b order-1:b after [a]']);
    } finally {
      await orchestrator.close();
    }
  });

  it('compensates every started step in reverse order when a step fails for good', async () => {
    const journal: string[] = [];
    const refused = new FailedPreconditionError('card declined');
    const saga = { name: 'reverse', steps: [step('a', journal), step('b', journal), step('pay', journal, { failures: [refused] })] };
    const orchestrator = await orchestratorFor(undefined, saga);
    try {
      const outcome = await orchestrator.start('reverse', 'order-2', { amount: 7 });
      expect(outcome.status).toBe('compensated');
      expect(outcome.error).toBe('pay: card declined');
      expect(journal.slice(3)).toEqual([
        'compensate pay order-2:pay:compensate output=null',
        'compensate b order-2:b:compensate output={"b":7}',
        'compensate a order-2:a:compensate output={"a":7}',
      ]);
    } finally {
      await orchestrator.close();
    }
  });

  it('retries a transient failure with backoff and counts each call by outcome', async () => {
    const journal: string[] = [];
    const registry = new Registry();
    const flaky = step('flaky', journal, { failures: [new UnavailableError('warming up'), new Error('socket hang up')] });
    const orchestrator = await orchestratorFor(registry, { name: 'retrying', steps: [flaky] });
    try {
      expect((await orchestrator.start('retrying', 'order-3', { amount: 1 })).status).toBe('completed');
      expect(journal).toHaveLength(3);
      const calls = await registry.getSingleMetricAsString('saga_step_calls_total');
      expect(calls).toContain('saga_step_calls_total{saga="retrying",step="flaky",phase="invoke",outcome="error"} 2');
      expect(calls).toContain('saga_step_calls_total{saga="retrying",step="flaky",phase="invoke",outcome="ok"} 1');
      expect(await registry.getSingleMetricAsString('saga_duration_seconds')).toContain('saga_duration_seconds_count{saga="retrying",status="completed"} 1');
    } finally {
      await orchestrator.close();
    }
  });

  it('abandons a call that outlives its timeout, aborts its signal and calls again with the same key', async () => {
    const seen: Array<{ key: string; attempt: number }> = [];
    let firstSignal: AbortSignal | undefined;
    const slowThenFast: SagaStep<Input> = {
      name: 'slow',
      timeoutMs: 50,
      retry: fast,
      async invoke(ctx) {
        seen.push({ key: ctx.idempotencyKey, attempt: ctx.attempt });
        if (ctx.attempt === 1) {
          firstSignal = ctx.signal;
          await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
        }
        return 'done';
      },
    };
    const registry = new Registry();
    const orchestrator = await orchestratorFor(registry, { name: 'timing-out', steps: [slowThenFast] });
    try {
      expect((await orchestrator.start('timing-out', 'order-4', { amount: 1 })).results).toEqual({ slow: 'done' });
      expect(seen).toEqual([{ key: 'order-4:slow', attempt: 1 }, { key: 'order-4:slow', attempt: 2 }]);
      expect(firstSignal?.aborted).toBe(true);
      expect(await registry.getSingleMetricAsString('saga_step_calls_total')).toContain('outcome="timeout"} 1');
    } finally {
      await orchestrator.close();
    }
  });

  it('leaves a saga failed, and not resumable, when its compensation keeps failing', async () => {
    const journal: string[] = [];
    const stuck = step('stuck', journal, { compensate: async () => Promise.reject(new Error('ledger offline')), retry: { ...fast, maxAttempts: 2 } });
    const saga = { name: 'stuck-comp', steps: [stuck, step('pay', journal, { failures: [new FailedPreconditionError('declined')] })] };
    const orchestrator = await orchestratorFor(undefined, saga);
    try {
      const outcome = await orchestrator.start('stuck-comp', 'order-5', { amount: 1 });
      expect(outcome.status).toBe('failed');
      expect(outcome.error).toBe('compensating stuck: ledger offline (after: pay: declined)');
      expect(await orchestrator.resumeUnfinished()).toEqual([]);
      expect(logLines.some((l) => l.level === 'error' && l.saga_id === 'order-5' && l.status === 'failed')).toBe(true);
    } finally {
      await orchestrator.close();
    }
  });

  it('answers a finished saga started again with its stored outcome, calling no step', async () => {
    const journal: string[] = [];
    const orchestrator = await orchestratorFor(undefined, { name: 'again', steps: [step('a', journal)] });
    try {
      const first = await orchestrator.start('again', 'order-6', { amount: 3 });
      const second = await orchestrator.start('again', 'order-6', { amount: 3 });
      expect(second).toEqual(first);
      expect(journal).toHaveLength(1);
    } finally {
      await orchestrator.close();
    }
  });

  it('traces each step call in a span named after the saga and step, and logs with the saga id', async () => {
    const orchestrator = await orchestratorFor(undefined, { name: 'traced', steps: [step('a', [])] });
    try {
      await orchestrator.start('traced', 'order-7', { amount: 1 });
      const span = spans.getFinishedSpans().find((s) => s.name === 'saga traced/a invoke');
      expect(span?.attributes).toMatchObject({ 'saga.id': 'order-7', 'saga.step': 'a', 'saga.phase': 'invoke', 'saga.attempts': 1 });
      expect(logLines).toContainEqual(expect.objectContaining({ saga: 'traced', saga_id: 'order-7', msg: 'saga completed' }));
    } finally {
      await orchestrator.close();
    }
  });

  it('on close lets the step in flight finish, stops before the next, and a new instance resumes from there', async () => {
    const journal: string[] = [];
    let reached!: () => void;
    let release!: () => void;
    const inFlight = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    const held = step('held', journal, { invoke: async () => { journal.push('invoke held'); reached(); await released; return 'held'; } });
    const saga = { name: 'closing', steps: [held, step('next', journal)] };
    const closing = await orchestratorFor(undefined, saga);
    const run = closing.start('closing', 'order-8', { amount: 1 }).catch((err: Error) => err.message);
    await inFlight;

    const closed = closing.close();
    release();
    await closed;
    const successor = await orchestratorFor(undefined, saga);
    try {
      expect(await run).toBe('the saga orchestrator is shutting down; the saga resumes later');
      expect((await successor.resumeUnfinished()).map((o) => [o.sagaId, o.status])).toEqual([['order-8', 'completed']]);
      expect(journal).toEqual(['invoke held', 'invoke next order-8:next after [held]']);
    } finally {
      await successor.close();
    }
  });
});
