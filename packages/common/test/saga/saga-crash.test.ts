// Kills a real saga worker process (SIGKILL, at every step boundary), restarts it, and checks that each saga
// ends completed or fully compensated and that no step's effect happened twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTemplateDatabase, type TemplateDatabase } from '../support/template-database.js';
import { createParticipantTables, ledgerOf, TEST_STEPS } from './support/test-saga.js';
import { runWorker, type WorkerEnv } from './support/worker-process.js';

const SCHEMA = 'shop';
const FAILING_STEP = 'authorize-payment';
/** Each test starts two or three node processes from TypeScript sources: seconds each on a busy machine. */
const WORKER_TEST_TIMEOUT_MS = 120_000;
let database: TemplateDatabase;

beforeAll(async () => {
  database = await createTemplateDatabase(SCHEMA, ['saga']);
  await createParticipantTables(database.db);
});

afterAll(async () => {
  await database.close();
});

interface Scenario {
  kill: string;
  failAt?: string;
  ends: 'completed' | 'compensated';
}

const invokeBoundaries = (steps: readonly string[]) => steps.flatMap((s) => [`before-invoke:${s}`, `after-invoke:${s}`]);
const compensateBoundaries = (steps: readonly string[]) => steps.flatMap((s) => [`before-compensate:${s}`, `after-compensate:${s}`]);

const scenarios: Scenario[] = [
  ...invokeBoundaries(TEST_STEPS).map((kill) => ({ kill, ends: 'completed' as const })),
  ...[...invokeBoundaries(TEST_STEPS.slice(0, 2)), `before-invoke:${FAILING_STEP}`, ...compensateBoundaries([...TEST_STEPS].reverse())].map(
    (kill) => ({ kill, failAt: FAILING_STEP, ends: 'compensated' as const }),
  ),
];

/** What the participants must hold at the end: each effect once, and undone when the saga compensated. */
function expectedEffects(ends: Scenario['ends']): Record<string, number> {
  if (ends === 'completed') return Object.fromEntries(TEST_STEPS.map((s) => [`${s}:invoke`, 1]));
  const done = TEST_STEPS.filter((s) => s !== FAILING_STEP);
  return Object.fromEntries(done.flatMap((s) => [[`${s}:invoke`, 1], [`${s}:compensate`, 1]]));
}

const worker = (env: Omit<WorkerEnv, 'DATABASE_URL' | 'SAGA_SCHEMA'>) => runWorker({ DATABASE_URL: database.url, SAGA_SCHEMA: SCHEMA, ...env });

async function sagaStatus(sagaId: string): Promise<string | undefined> {
  const [row] = await database.admin<{ status: string }>(`SELECT status FROM ${SCHEMA}.saga_instances WHERE saga_id = $1`, [sagaId]);
  return row?.status;
}

describe('a saga worker killed at a step boundary', () => {
  it.each(scenarios.map((s, i) => ({ ...s, sagaId: `crash-${i}`, saga: s.failAt ? `a saga refused at ${s.failAt}` : 'a saga that completes' })))(
    '$saga, killed at $kill, resumes on restart and ends $ends, each effect once',
    async ({ kill, failAt, ends, sagaId }) => {
      const first = await worker({ SAGA_MODE: 'start', SAGA_ID: sagaId, SAGA_KILL_AT: kill, ...(failAt ? { SAGA_FAIL_AT: failAt } : {}) });
      expect(first.signal, first.stderr).toBe('SIGKILL');
      expect(await sagaStatus(sagaId)).toMatch(/^(running|compensating)$/);

      const restarted = await worker({ SAGA_MODE: 'resume' });

      expect(restarted.code, restarted.stderr).toBe(0);
      expect(restarted.outcomes.map((o) => [o.sagaId, o.status])).toEqual([[sagaId, ends]]);
      expect(await sagaStatus(sagaId)).toBe(ends);
      const ledger = await ledgerOf(database.db, sagaId);
      expect(ledger.effects).toEqual(expectedEffects(ends));
      // Killed before the call: the participant heard it once (from the restart). Killed after it: twice, with one key.
      const [point, step] = kill.split(':') as [string, string];
      const kind = point.endsWith('invoke') ? 'invoke' : 'compensate';
      expect(ledger.calls[`${step}:${kind}`]).toBe(point.startsWith('before') ? 1 : 2);
    },
    WORKER_TEST_TIMEOUT_MS,
  );

  it('survives a second kill during the resume (mid-compensation) and still ends compensated, each effect once', async () => {
    const sagaId = 'crash-twice';
    const first = await worker({ SAGA_MODE: 'start', SAGA_ID: sagaId, SAGA_FAIL_AT: FAILING_STEP, SAGA_KILL_AT: 'after-invoke:reserve-coupon' });
    expect(first.signal, first.stderr).toBe('SIGKILL');
    const second = await worker({ SAGA_MODE: 'resume', SAGA_KILL_AT: 'after-compensate:reserve-coupon' });
    expect(second.signal, second.stderr).toBe('SIGKILL');
    expect(await sagaStatus(sagaId)).toBe('compensating');

    const third = await worker({ SAGA_MODE: 'resume' });

    expect(third.outcomes.map((o) => [o.sagaId, o.status])).toEqual([[sagaId, 'compensated']]);
    const ledger = await ledgerOf(database.db, sagaId);
    expect(ledger.effects).toEqual(expectedEffects('compensated'));
    expect(ledger.calls).toMatchObject({ 'reserve-coupon:invoke': 2, 'reserve-coupon:compensate': 2 });
  }, WORKER_TEST_TIMEOUT_MS);
});
