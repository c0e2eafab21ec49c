// A closed-loop gRPC load driver for the shipping bench: keeps a fixed number of unary calls in flight until a
// call count or a time budget is reached, and reports throughput and latency percentiles.
import type { ServiceError } from '@grpc/grpc-js';

export interface LoadResult {
  calls: number;
  failures: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

export function load(call: (done: (err: ServiceError | null) => void) => void, count: number, concurrency: number, maxSeconds: number): Promise<LoadResult> {
  const latencies = new Float64Array(count);
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(Math.round(maxSeconds * 1e9));
  let issued = 0;
  let completed = 0;
  let failures = 0;
  return new Promise((resolve) => {
    const finish = () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const sorted = latencies.subarray(0, completed).sort();
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
      resolve({ calls: completed, failures, seconds, p50Ms: at(0.5), p99Ms: at(0.99) });
    };
    const next = () => {
      if (issued >= count || process.hrtime.bigint() > deadline) {
        if (completed === issued) finish();
        return;
      }
      issued += 1;
      const t0 = process.hrtime.bigint();
      call((err) => {
        latencies[completed] = Number(process.hrtime.bigint() - t0) / 1e6;
        completed += 1;
        if (err) failures += 1;
        next();
      });
    };
    for (let i = 0; i < Math.min(concurrency, count); i += 1) next();
  });
}

export const rate = (r: LoadResult) => r.calls / Math.max(r.seconds, 1e-9);

export function formatLoad(label: string, r: LoadResult): string {
  return `${label.padEnd(40)} ${rate(r).toFixed(0).padStart(8)} calls/s   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   (${r.calls} calls, ${r.failures} failed)`;
}
