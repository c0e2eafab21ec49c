// The child side of a benchmark server process (see ../process/server-process.ts): read the configuration as one
// JSON line on stdin, start, announce the addresses on stdout as `BENCH_READY {json}`, and stop when stdin closes
// (the parent stopped it, or the parent died: a crashed bench leaves no server behind) or on SIGTERM.
import { createInterface } from 'node:readline';

export const READY_PREFIX = 'BENCH_READY ';

export interface StartedServer {
  /** What the parent connects to, e.g. `{ http: 'http://127.0.0.1:1234' }` or `{ grpc: '127.0.0.1:1234' }`. */
  urls: Record<string, string>;
  stop(): Promise<void>;
}

export async function serve<Config>(start: (config: Config) => Promise<StartedServer>): Promise<void> {
  const lines = createInterface({ input: process.stdin });
  const first = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    lines.once('close', () => reject(new Error('stdin closed before the configuration line')));
  });
  const started = await start(JSON.parse(first) as Config);
  let stopping: Promise<void> | undefined;
  const stop = () => {
    stopping ??= started.stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`stopping the bench server failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  lines.on('close', stop);
  process.once('SIGTERM', stop);
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(started.urls)}\n`);
}

/** Runs `main` and ends the process with a message on failure, so the parent sees it exit instead of hanging. */
export function runServer(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    process.stderr.write(`bench server failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
}
