// Runs a TypeScript source file in a real `node` child process (through the tests' TS loader), as the crash,
// saga and CLI tests need: a process of its own that can exit with its own code or be killed.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REGISTER_TS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../migrate/support/register-ts.mjs');

/** Starts `script` with `args`; `env` is added to this process's environment. */
export function spawnTypeScript(script: string, args: string[], env: Record<string, string>, stdio: StdioOptions = ['ignore', 'pipe', 'pipe']): ChildProcess {
  return spawn(process.execPath, ['--import', REGISTER_TS, script, ...args], { env: { ...process.env, ...env }, stdio });
}

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `script` to its end and returns how it ended and what it printed. */
export function runTypeScript(script: string, args: string[], env: Record<string, string> = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const child = spawnTypeScript(script, args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
