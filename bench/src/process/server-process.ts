// The parent side of a benchmark server process: every server a benchmark measures (the service under test and
// each baseline) runs in a child process of its own, so the load generator (this process for gRPC, autocannon's
// own process for HTTP) never shares an event loop with what it measures. The child speaks the protocol of
// ../servers/serve.ts: configuration as one JSON line on stdin, `BENCH_READY {urls}` on stdout.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { repoPath } from '../repo-path.js';
import { READY_PREFIX } from '../servers/serve.js';

export interface ServerProcess {
  urls: Record<string, string>;
  pid: number;
  /** Closes its stdin (it stops gracefully) and waits for it to exit; SIGKILL after `graceMs`. */
  stop(): Promise<void>;
}

export interface SpawnOptions {
  /** How errors name the server; the script's name by default. */
  label?: string;
  /** Extra environment for the child, on top of this process's. */
  env?: Record<string, string | undefined>;
  /** How long the child may take to announce itself. */
  readyTimeoutMs?: number;
  graceMs?: number;
}

/** Where the compiled server scripts live (`bench/dist/servers/<name>.js`), whatever runs this file. */
export function serverScript(name: string): string {
  const script = repoPath(`bench/dist/servers/${name}.js`);
  if (!existsSync(script)) throw new Error(`${script} is missing: run make build first`);
  return script;
}

/**
 * Starts `bench/dist/servers/<name>.js` with `config`. With BENCH_CPU_PROF=<dir> each server writes a V8 CPU
 * profile there when it stops (open it in Chrome DevTools), which is how a server's hot paths are found.
 */
export function startServerProcess(name: string, config: unknown, options: SpawnOptions = {}): Promise<ServerProcess> {
  const profileDir = process.env.BENCH_CPU_PROF;
  const nodeArgs: string[] = [];
  if (profileDir) {
    mkdirSync(profileDir, { recursive: true });
    nodeArgs.push('--cpu-prof', '--cpu-prof-dir', profileDir, '--cpu-prof-name', `${name}-${Date.now()}.cpuprofile`);
  }
  return startCommand(process.execPath, [...nodeArgs, serverScript(name)], config, { label: name, ...options });
}

/** Any executable speaking the same protocol (the Go peer is one). */
export function startCommand(
  command: string,
  args: string[],
  config: unknown,
  { label = command, env, readyTimeoutMs = 120_000, graceMs = 15_000 }: SpawnOptions = {},
): Promise<ServerProcess> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise<ServerProcess>((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${label}: not ready after ${readyTimeoutMs} ms`)), readyTimeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(err);
    };
    const onExit = (code: number | null, signal: string | null) => fail(new Error(`${label}: exited before it was ready (code ${code}, signal ${signal})`));
    child.once('error', fail);
    child.once('exit', onExit);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (!line.startsWith(READY_PREFIX)) return; // a server's own output, e.g. a log line
      clearTimeout(timer);
      child.off('exit', onExit);
      child.off('error', fail);
      child.on('error', () => {}); // after start, a failure shows as the measured load's errors
      const urls = JSON.parse(line.slice(READY_PREFIX.length)) as Record<string, string>;
      resolve({ urls, pid: child.pid!, stop: () => stopChild(child, exited, graceMs) });
    });
    child.stdin!.on('error', () => {}); // a child that died is reported through `exit`
    child.stdin!.write(`${JSON.stringify(config)}\n`);
  });
}

async function stopChild(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.stdin!.end();
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
