// A saga worker process for the crash tests, run from the TypeScript sources: starts one saga (SAGA_MODE=start)
// or resumes the unfinished ones (resume), prints the outcomes as one JSON line, and SIGKILLs itself at the
// boundary SAGA_KILL_AT names (`<point>:<step>`, e.g. `after-invoke:reserve-coupon`).
import { createDatabase } from '../../../src/db/index.js';
import { createLogger } from '../../../src/logger/index.js';
import { SagaOrchestrator, type SagaOutcome } from '../../../src/saga/index.js';
import { TEST_SAGA, testSaga } from './test-saga.js';

const env = process.env;
const db = createDatabase({ url: env.DATABASE_URL!, schema: env.SAGA_SCHEMA!, poolMax: 4 });
const killAt = env.SAGA_KILL_AT;

const orchestrator = await SagaOrchestrator.create({
  db,
  sagas: [testSaga(db)],
  logger: createLogger({ service: 'saga-worker', level: 'warn', destination: process.stderr }),
  hooks: {
    boundary({ point, step }) {
      if (`${point}:${step}` === killAt) process.kill(process.pid, 'SIGKILL');
    },
  },
});

let outcomes: SagaOutcome[];
if (env.SAGA_MODE === 'start') {
  const input = env.SAGA_FAIL_AT ? { failAt: env.SAGA_FAIL_AT } : {};
  outcomes = [await orchestrator.start(TEST_SAGA, env.SAGA_ID!, input)];
} else {
  outcomes = await orchestrator.resumeUnfinished();
}
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
await orchestrator.close();
await db.destroy();
