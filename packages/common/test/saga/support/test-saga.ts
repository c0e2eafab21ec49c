// The saga of the crash and concurrency tests: three steps whose participants count every call and record each
// effect under the idempotency key they were given, deduping on it the way a real participant does.
import type { Knex } from 'knex';
import { FailedPreconditionError } from '../../../src/errors/index.js';
import { defineSaga, type SagaDefinition } from '../../../src/saga/index.js';

export const TEST_SAGA = 'test-order';
export const TEST_STEPS = ['reserve-stock', 'reserve-coupon', 'authorize-payment'] as const;

export interface TestSagaInput {
  /** The step whose invoke the participant refuses (a final answer: the saga compensates). */
  failAt?: string;
}

/** The participants' own tables: the unique key on idem_key is what makes a repeated call harmless. */
export async function createParticipantTables(db: Knex): Promise<void> {
  await db.raw(`
    CREATE TABLE participant_calls (
      idem_key text PRIMARY KEY, saga_id text NOT NULL, step text NOT NULL, kind text NOT NULL, calls integer NOT NULL);
    CREATE TABLE participant_effects (
      idem_key text PRIMARY KEY, saga_id text NOT NULL, step text NOT NULL, kind text NOT NULL)`);
}

export interface TestSagaOptions {
  /** Runs after the call is counted and before the effect: the concurrency test holds a step here. */
  beforeEffect?(step: string, sagaId: string): Promise<void>;
}

export function testSaga(db: Knex, options: TestSagaOptions = {}): SagaDefinition<TestSagaInput> {
  return defineSaga<TestSagaInput>({
    name: TEST_SAGA,
    steps: TEST_STEPS.map((step) => ({
      name: step,
      retry: { initialDelayMs: 1, maxDelayMs: 5 },
      async invoke(ctx) {
        await countCall(db, ctx.idempotencyKey, ctx.sagaId, step, 'invoke');
        if (ctx.input.failAt === step) throw new FailedPreconditionError(`${step} refused`);
        await options.beforeEffect?.(step, ctx.sagaId);
        await recordEffect(db, ctx.idempotencyKey, ctx.sagaId, step, 'invoke');
        return { ref: `${step}/${ctx.sagaId}` };
      },
      async compensate(ctx) {
        await countCall(db, ctx.idempotencyKey, ctx.sagaId, step, 'compensate');
        const effect = await db('participant_effects').where({ idem_key: ctx.stepKey }).first();
        if (!effect) return; // the invoke had no effect: nothing to undo
        await recordEffect(db, ctx.idempotencyKey, ctx.sagaId, step, 'compensate');
      },
    })),
  });
}

async function countCall(db: Knex, key: string, sagaId: string, step: string, kind: string): Promise<void> {
  await db.raw(
    `INSERT INTO participant_calls (idem_key, saga_id, step, kind, calls) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT (idem_key) DO UPDATE SET calls = participant_calls.calls + 1`,
    [key, sagaId, step, kind],
  );
}

/** The participant's dedupe: a second call with the same key finds the effect and adds nothing. */
async function recordEffect(db: Knex, key: string, sagaId: string, step: string, kind: string): Promise<void> {
  await db('participant_effects').insert({ idem_key: key, saga_id: sagaId, step, kind }).onConflict('idem_key').ignore();
}

export interface SagaLedger {
  /** `<step>:<kind>` -> how many effects of that kind the step had in this saga. */
  effects: Record<string, number>;
  /** `<step>:<kind>` -> calls the participant received. */
  calls: Record<string, number>;
}

export async function ledgerOf(db: Knex, sagaId: string): Promise<SagaLedger> {
  const tally = async (table: string, sum: string) => {
    const rows = await db(table).where({ saga_id: sagaId }).groupBy('step', 'kind').select('step', 'kind', db.raw(`${sum}::int AS n`));
    return Object.fromEntries(rows.map((r: { step: string; kind: string; n: number }) => [`${r.step}:${r.kind}`, r.n]));
  };
  return { effects: await tally('participant_effects', 'count(*)'), calls: await tally('participant_calls', 'sum(calls)') };
}
