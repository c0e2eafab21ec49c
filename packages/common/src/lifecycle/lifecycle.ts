// Process lifecycle shared by every service's main.ts.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** True when the module at `importMetaUrl` is the script node was started with (not imported by a test or the runner). */
export function isMainModule(importMetaUrl: string): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  try {
    return realpathSync(entry) === realpathSync(fileURLToPath(importMetaUrl));
  } catch {
    return false;
  }
}

/**
 * Calls `stop` once on the first SIGINT/SIGTERM, then exits. A second signal exits at once, so an operator
 * is never stuck behind a shutdown that hangs.
 */
export function stopOnSignals(
  stop: () => Promise<void>,
  log: (message: string) => void = () => {},
): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal} received, shutting down`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        log(`shutdown failed: ${String(err)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
