// The bench's own machinery, so it cannot rot unnoticed between `make bench` runs: the JSON file has the documented
// shape, and a server started through the separate-process driver (an HTTP one loaded by autocannon, a gRPC one
// driven by the closed loop) answers load from another process and is gone after stop().
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { credentials, Metadata } from '@grpc/grpc-js';
import { UserServiceClient, UserServiceService, UserStatus } from '@ecommerce/proto/user/v1/user';
import { afterEach, describe, expect, it } from 'vitest';
import { callsPerSecond, runLoad } from '../src/grpc-load.js';
import { httpLoad } from '../src/http-load.js';
import { Results, resultsFile, writeResults, type ResultsFile } from '../src/measure/results.js';
import { measureRounds, summarize } from '../src/measure/rounds.js';
import { startBareGrpcProcess } from '../src/process/grpc-servers.js';
import { startStaticHttpProcess } from '../src/process/http-servers.js';
import type { ServerProcess } from '../src/process/server-process.js';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitGone(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (isAlive(pid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
}

describe('bench results file', () => {
  const dirs: string[] = [];
  afterEach(async () => {
    for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  it('writes each comparison as {name, value, unit, baseline, baseline_value, ratio, p99_ms} from the medians of the rounds', async () => {
    const results = new Results();
    results.startBench('demo');
    const subject = summarize('service', 'req/s', [{ value: 900, p99Ms: 12 }, { value: 1000, p99Ms: 10 }, { value: 1100, p99Ms: 30 }]);
    const baseline = summarize('bare server', 'req/s', [{ value: 2000, p99Ms: 5 }, { value: 1800, p99Ms: 6 }, { value: 2200, p99Ms: 4 }]);
    results.compare('service vs bare', subject, baseline, 0.6);
    const dir = await mkdtemp(path.join(tmpdir(), 'bench-json-'));
    dirs.push(dir);
    const file = path.join(dir, 'nested', 'latest.json');
    await writeResults(file, resultsFile(results.entries, { rounds: 3 }));

    const written = JSON.parse(await readFile(file, 'utf8')) as ResultsFile;
    expect(written.entries).toEqual([
      {
        bench: 'demo',
        name: 'service vs bare',
        value: 1000,
        unit: 'req/s',
        baseline: 'bare server',
        baseline_value: 2000,
        ratio: 0.5,
        p99_ms: 12,
        baseline_p99_ms: 5,
        target: 0.6,
        spread: [900, 1100],
        baseline_spread: [1800, 2200],
        rounds: 3,
      },
    ]);
    expect(written.settings).toEqual({ rounds: 3 });
    expect(written.host.cpus).toBeGreaterThan(0);
    expect(Date.parse(written.generated_at)).not.toBeNaN();
  });

  it('refuses to compare figures of different units', () => {
    const results = new Results();
    expect(() => results.compare('x', summarize('a', 'req/s', [{ value: 1 }]), summarize('b', 'calls/s', [{ value: 1 }]))).toThrow(/cannot compare/);
  });

  it('takes the subjects in turn, each round starting with the next one', async () => {
    const order: string[] = [];
    const subject = (label: string, value: number) => ({ label, unit: 'ops/s', run: async () => (order.push(label), { value }) });
    const [a, b] = await measureRounds([subject('a', 3), subject('b', 5)], 3);
    expect(order).toEqual(['a', 'b', 'b', 'a', 'a', 'b']);
    expect([a!.median, b!.median]).toEqual([3, 5]);
  });
});

describe('separate-process bench servers', () => {
  const servers: ServerProcess[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => s.stop()));
  });

  it('an HTTP server in its own process answers autocannon (in a third process) and exits on stop()', async () => {
    const server = await startStaticHttpProcess('{"success":true}');
    servers.push(server);
    expect(server.pid).not.toBe(process.pid);
    const result = await httpLoad({ url: `${server.urls.http}/anything`, seconds: 1, connections: 2 });
    expect(result.failures).toBe(0);
    expect(result.total).toBeGreaterThan(0);
    expect(result.requestsPerSecond).toBeGreaterThan(0);

    await server.stop();
    await waitGone(server.pid);
    expect(isAlive(server.pid)).toBe(false);
  });

  it('a bare gRPC server in its own process answers the closed loop with the message it was given', async () => {
    const answer = {
      user: { id: 'u-1', email: 'a@shop.test', name: 'A', status: UserStatus.USER_STATUS_ACTIVE, roles: ['staff'], createTime: new Date('2026-01-01T00:00:00Z'), updateTime: new Date('2026-01-02T00:00:00Z') },
    };
    const server = await startBareGrpcProcess(UserServiceService, 'getUser', answer);
    servers.push(server);
    const client = new UserServiceClient(server.urls.grpc!, credentials.createInsecure());
    try {
      const got = await new Promise((resolve, reject) => client.getUser({ id: 'u-1' }, new Metadata(), (err, res) => (err ? reject(err) : resolve(res))));
      expect(got).toEqual(answer);
      const load = await runLoad((done) => client.getUser({ id: 'u-1' }, new Metadata(), (err) => done(err)), { count: 200, concurrency: 4, maxSeconds: 10 });
      expect(load.failures).toBe(0);
      expect(load.calls).toBe(200);
      expect(callsPerSecond(load)).toBeGreaterThan(0);
    } finally {
      client.close();
    }
  });
});
