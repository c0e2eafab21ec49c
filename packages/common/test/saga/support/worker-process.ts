// Runs saga-worker.ts in a real `node` child (TypeScript sources through the migrate tests' loader) and
// reports how it ended: killed by a signal, or exited with the outcomes it printed.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SagaOutcome } from '../../../src/saga/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const REGISTER_TS = path.resolve(here, '../../migrate/support/register-ts.mjs');
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

export function runWorker(env: WorkerEnv): Promise<WorkerExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', REGISTER_TS, WORKER], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const line = stdout.trim().split('\n').pop();
      resolve({ code, signal, stderr, outcomes: line ? (JSON.parse(line) as SagaOutcome[]) : [] });
    });
  });
}
