// Subjects for measureRounds: an HTTP URL loaded by autocannon in its own process, or a unary gRPC call driven by
// this process's closed loop against a server in another process.
import { callsPerSecond, runLoad, type UnaryCall } from '../grpc-load.js';
import { httpLoad } from '../http-load.js';
import type { Subject } from './rounds.js';
import { benchSettings } from './settings.js';

/**
 * Failures are counted and reported (a failing server is not a fast one: the JSON entry carries them), and a
 * round where most requests failed aborts the bench, as it measured an error path rather than the server.
 */
const MAX_FAILURE_SHARE = 0.5;

export function httpSubject(label: string, url: string, headers?: Record<string, string>): Subject {
  const load = (seconds: number) =>
    httpLoad({ url, seconds, connections: benchSettings.connections, ...(headers ? { headers } : {}) });
  return {
    label,
    unit: 'req/s',
    async warmup() {
      await load(1);
    },
    async run() {
      const r = await load(benchSettings.seconds);
      if (r.failures > 0) console.log(`${label}: ${r.failures} of ${r.total} requests failed (${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} timeouts)`);
      if (r.failures > r.total * MAX_FAILURE_SHARE) throw new Error(`${label}: ${r.failures} of ${r.total} requests failed (${url})`);
      return { value: r.requestsPerSecond, p99Ms: r.p99Ms, failures: r.failures };
    },
  };
}

export function grpcSubject(label: string, call: UnaryCall, unit = 'calls/s'): Subject {
  const load = (count: number, maxSeconds: number) => runLoad(call, { count, concurrency: benchSettings.connections, maxSeconds });
  return {
    label,
    unit,
    async warmup() {
      await load(500, 5);
    },
    async run() {
      const r = await load(benchSettings.grpcCalls, benchSettings.seconds);
      if (r.failures > 0) console.log(`${label}: ${r.failures} of ${r.calls} calls failed`);
      if (r.failures > r.calls * MAX_FAILURE_SHARE) throw new Error(`${label}: ${r.failures} of ${r.calls} calls failed`);
      return { value: callsPerSecond(r), p99Ms: r.p99Ms, failures: r.failures };
    },
  };
}
