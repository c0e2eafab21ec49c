// Runs saga-worker.ts in a real `node` child (TypeScript sources through the migrate tests' loader) and
// reports how it ended: killed by a signal, or exited with the outcomes it printed.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SagaOutcome } from '../../../src/saga/index.js';
import { runTypeScript } from '../../support/typescript-child.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER = path.join(here, 'saga-worker.ts');

export interface WorkerEnv {
  DATABASE_URL: string;
  SAGA_SCHEMA: string;
  SAGA_MODE: 'start' | 'resume';
  SAGA_ID?: string;
  SAGA_FAIL_AT?: string;
  SAGA_KILL_AT?: string;
}

export interface WorkerExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  outcomes: SagaOutcome[];
  stderr: string;
}

export async function runWorker(env: WorkerEnv): Promise<WorkerExit> {
  const { code, signal, stdout, stderr } = await runTypeScript(WORKER, [], { ...env });
  const line = stdout.trim().split('\n').pop();
  return { code, signal, stderr, outcomes: line ? (JSON.parse(line) as SagaOutcome[]) : [] };
}
