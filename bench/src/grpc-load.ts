// Driving unary gRPC load and reporting it, shared by the gRPC benches so they all measure and print the same way:
// a closed loop (a fixed number of calls in flight, each completion issuing the next) bounded by a call count and
// a time budget, and a bare grpc-js server answering one method from memory as the floor to compare against.
import { Server, ServerCredentials, type sendUnaryData, type ServiceDefinition } from '@grpc/grpc-js';
import type { Results } from './measure/results.js';
import { summarize } from './measure/rounds.js';
import { startBareGrpcProcess } from './process/grpc-servers.js';

export interface LoadResult {
  calls: number;
  failures: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

/** One unary call; it reports its end (and any error, counted as a failure) through `done`. */
export type UnaryCall = (done: (err?: unknown) => void) => void;

export interface LoadOptions {
  count: number;
  concurrency: number;
  maxSeconds: number;
}

/**
 * Keeps `concurrency` calls in flight until `count` have completed or `maxSeconds` have passed; calls already in
 * flight at the deadline are waited for, so the figures cover every call issued.
 */
export function runLoad(call: UnaryCall, { count, concurrency, maxSeconds }: LoadOptions): Promise<LoadResult> {
  const latencies = new Float64Array(Math.max(count, 0));
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
    if (count <= 0) finish();
    for (let i = 0; i < Math.min(concurrency, count); i += 1) next();
  });
}

/** Completed calls per second (failures included: they took their round trip too). */
export const callsPerSecond = (r: LoadResult): number => r.calls / Math.max(r.seconds, 1e-9);

/** One aligned line per load; `unit` names what a call is (`checkouts/s`) where that reads better. */
export function formatLoad(label: string, r: LoadResult, unit = 'calls/s'): string {
  return `${label.padEnd(38)} ${callsPerSecond(r).toFixed(0).padStart(8)} ${unit}   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   (${r.calls} calls, ${r.failures} failed, ${r.seconds.toFixed(1)} s)`;
}

/** The `a vs b` line every bench prints: throughput ratio and p99 ratio of a load against the bare floor. */
export function formatRatio(label: string, r: LoadResult, floor: LoadResult): string {
  return `ratio ${label}: throughput ${(callsPerSecond(r) / callsPerSecond(floor)).toFixed(3)}, p99 ${(r.p99Ms / Math.max(floor.p99Ms, 0.001)).toFixed(2)}x`;
}

/** The response message of a ts-proto method definition, read off its serializer. */
type ResponseOf<M> = M extends { responseSerialize: (value: infer Res) => Buffer } ? Res : never;

export interface BareServer {
  address: string;
  stop(): Promise<void>;
}

/**
 * Serves `methodKey` of a ts-proto service definition with a fixed answer from memory, on a free local port: the
 * floor of what grpc-js itself costs for that message. Every other method throws, so a bench calling the wrong one
 * fails loudly instead of measuring something else.
 */
export async function startBareServer<D extends ServiceDefinition, K extends keyof D & string>(definition: D, methodKey: K, answer: ResponseOf<D[K]>): Promise<BareServer> {
  const server = new Server();
  const unimplemented = () => {
    throw new Error(`the bench calls ${methodKey} only`);
  };
  const handlers = Object.fromEntries(Object.keys(definition).map((k) => [k, unimplemented]));
  server.addService(definition, { ...handlers, [methodKey]: (_call: unknown, callback: sendUnaryData<ResponseOf<D[K]>>) => callback(null, answer) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}

/**
 * The same floor in a child process (see process/grpc-servers.ts), for a bench whose service runs in a child process
 * too: the load loop in this process then shares its event loop with neither.
 */
export async function startBareServerProcess<D extends ServiceDefinition, K extends keyof D & string>(definition: D, methodKey: K, answer: ResponseOf<D[K]>): Promise<BareServer> {
  const server = await startBareGrpcProcess(definition, methodKey, answer);
  return { address: server.urls.grpc!, stop: () => server.stop() };
}

/** Files a one-round load against its floor in the run's results (JSON file and closing table). */
export function fileRatio(results: Results, name: string, r: LoadResult, floor: LoadResult, unit = 'calls/s'): void {
  const measured = (label: string, x: LoadResult) => summarize(label, unit, [{ value: callsPerSecond(x), p99Ms: x.p99Ms, failures: x.failures }]);
  results.compare(name, measured(name, r), measured('bare grpc-js from memory', floor));
}
