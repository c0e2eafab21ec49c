// Runs support/crash-worker.ts from its TypeScript source in a real `node` child process (through the
// migration tests' loader) and lets a test wait for a line of its progress and then SIGKILL it.
import type { ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnTypeScript } from '../../support/typescript-child.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const WORKER = path.join(here, 'crash-worker.ts');

export class WorkerProcess {
  private readonly lines: string[] = [];
  private stderr = '';
  private listeners: Array<() => void> = [];
  private readonly exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    let partial = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString()).split('\n');
      partial = parts.pop()!;
      this.lines.push(...parts);
      this.notify();
    });
    child.stderr!.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.exit = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    void this.exit.then(() => this.notify());
  }

  static start(role: 'consumer' | 'relay', env: Record<string, string>): WorkerProcess {
    // stdin only so the worker notices when this process is gone
    const child = spawnTypeScript(WORKER, [role], env, ['pipe', 'pipe', 'pipe']);
    return new WorkerProcess(child);
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The first line matching `pattern`, waiting for it; fails at once if the worker exits first. */
  async waitForLine(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      for (const line of this.lines) {
        const match = pattern.exec(line);
        if (match) return match;
      }
      if (!this.running) throw new Error(`worker exited before printing ${pattern}; ${this.tail()}`);
      if (Date.now() > deadline) throw new Error(`worker did not print ${pattern} within ${timeoutMs} ms; ${this.tail()}`);
      // Woken by the next output or exit; the timer only bounds the wait.
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, Math.max(0, deadline - Date.now()));
        function done() {
          clearTimeout(timer);
          resolve();
        }
        this.listeners.push(done);
      });
    }
  }

  /** SIGKILL, as a crash: no handler, no shutdown hook runs. Resolves once the process is gone. */
  async kill(): Promise<NodeJS.Signals | null> {
    if (this.running) this.child.kill('SIGKILL');
    return (await this.exit).signal;
  }

  private tail(): string {
    return `last output:\n${this.lines.slice(-8).join('\n')}\nstderr:\n${this.stderr}`;
  }

  private notify(): void {
    for (const listener of this.listeners.splice(0)) listener();
  }
}
