// HTTP load from a separate process (autocannon's CLI), so the load generator does not share an event
// loop with the server under test.
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface LoadSettings {
  url: string;
  seconds: number;
  connections: number;
  headers?: Record<string, string>;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  failures: number;
  /** What the failures were, as autocannon counts them. */
  non2xx: number;
  errors: number;
  timeouts: number;
}

export async function httpLoad(settings: LoadSettings): Promise<LoadResult> {
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const args = [cli, '--json', '-c', String(settings.connections), '-d', String(settings.seconds)];
  for (const [k, v] of Object.entries(settings.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(settings.url);
  const { stdout } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 });
  const report = JSON.parse(stdout) as {
    requests: { average: number; total: number };
    latency: { p50: number; p99: number };
    non2xx: number;
    errors: number;
    timeouts: number;
  };
  return {
    requestsPerSecond: report.requests.average,
    p50Ms: report.latency.p50,
    p99Ms: report.latency.p99,
    total: report.requests.total,
    failures: report.non2xx + report.errors + report.timeouts,
    non2xx: report.non2xx,
    errors: report.errors,
    timeouts: report.timeouts,
  };
}

export function formatLoad(label: string, r: LoadResult): string {
  return `${label.padEnd(34)} ${r.requestsPerSecond.toFixed(0).padStart(8)} req/s   p50 ${r.p50Ms.toFixed(1).padStart(6)} ms   p99 ${r.p99Ms.toFixed(1).padStart(6)} ms   (${r.total} requests, ${r.failures} failed)`;
}
