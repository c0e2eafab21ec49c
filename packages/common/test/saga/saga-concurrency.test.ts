// Two orchestrator instances never drive one saga at once: a live instance's sagas are left alone, and once
// its database session dies, instances resuming side by side split its sagas and it stops writing to them.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger/index.js';
import { SagaOrchestrator, type SagaOutcome } from '../../src/saga/index.js';
import { SAGA_OWNER_LOCK_CLASS } from '../../src/saga/saga-owner.js';
import { createTemplateDatabase, type TemplateDatabase } from '../support/template-database.js';
import { createParticipantTables, ledgerOf, TEST_SAGA, TEST_STEPS, testSaga } from './support/test-saga.js';

let database: TemplateDatabase;
const logger = createLogger({ service: 'saga-pair', destination: new Writable({ write: (_c, _e, cb) => cb() }) });

beforeAll(async () => {
  database = await createTemplateDatabase('pair', ['saga']);
  await createParticipantTables(database.db);
});

afterAll(async () => {
  await database.close();
});

/** Holds callers until opened, and says when `expected` of them are waiting. */
function holdingGate(expected: number) {
  let open!: () => void;
  let allHeld!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  const held = new Promise<void>((resolve) => (allHeld = resolve));
  let waiting = 0;
  return {
    held,
    open,
    async pass() {
      if (++waiting === expected) allHeld();
      await opened;
    },
  };
}

describe('two orchestrator instances', () => {
  it('never drive one saga at once, and take over a dead instance\'s sagas exactly once between them', async () => {
    const ids = ['pair-1', 'pair-2', 'pair-3', 'pair-4'];
    const gate = holdingGate(ids.length);
    const create = (beforeEffect?: (step: string) => Promise<void>) =>
      SagaOrchestrator.create({ db: database.db, logger, sagas: [testSaga(database.db, beforeEffect ? { beforeEffect } : {})] });
    const doomed = await create((step) => (step === 'reserve-coupon' ? gate.pass() : Promise.resolve()));
    const [left, right] = await Promise.all([create(), create()]);
    try {
      const doomedRuns = ids.map((id) => doomed.start(TEST_SAGA, id, {}).then(() => 'finished', (err: Error) => err.message));
      await gate.held;

      expect(await left.resumeUnfinished()).toEqual([]);
      await expect(right.start(TEST_SAGA, 'pair-1', {})).rejects.toThrow('saga pair-1 is in progress on another instance');

      // The doomed instance's session dies (as when its process is killed); its step calls are still in flight.
      await database.admin(`SELECT pg_terminate_backend(pid, 10000) FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objid = $2`, [
        SAGA_OWNER_LOCK_CLASS,
        await doomed.ownerId(),
      ]);
      const [byLeft, byRight] = await Promise.all([left.resumeUnfinished(), right.resumeUnfinished()]);
      gate.open();

      const idsOf = (outcomes: SagaOutcome[]) => outcomes.map((o) => o.sagaId);
      expect([...idsOf(byLeft), ...idsOf(byRight)].sort()).toEqual(ids);
      expect([...byLeft, ...byRight].every((o) => o.status === 'completed')).toBe(true);
      expect(await Promise.all(doomedRuns)).toEqual(ids.map((id) => `saga ${id} was taken over by another orchestrator instance`));
      for (const id of ids) {
        const ledger = await ledgerOf(database.db, id);
        expect(ledger.effects).toEqual(Object.fromEntries(TEST_STEPS.map((s) => [`${s}:invoke`, 1])));
        expect(ledger.calls['reserve-coupon:invoke']).toBe(2);
      }
    } finally {
      gate.open();
      await Promise.all([doomed.close(), left.close(), right.close()]);
    }
  });
});
