// GetUser over gRPC through the user service's full interceptor chain (tracing, metrics, access log, error
// mapping, deadline, JWT auth, zod validation, PostgreSQL read) against a bare grpc-js server answering the same
// message from memory: what the kit and the service cost over the floor. Bounded by call count and by time.
import { credentials, Metadata, Server, ServerCredentials, type sendUnaryData, type ServiceError } from '@grpc/grpc-js';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { UserServiceClient, UserServiceService, type GetUserResponse } from '@ecommerce/proto/user/v1/user';
import { startUser } from '@ecommerce/user';
import { withBenchPostgres } from './bench-postgres.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_GRPC_CONCURRENCY ?? 50);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 500;

interface LoadResult {
  calls: number;
  failures: number;
  seconds: number;
  p50Ms: number;
  p99Ms: number;
}

export async function runGrpcBench(): Promise<void> {
  await withBenchPostgres('user_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'user', dir: repoPath('migrations/user'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const user = await startUser({
      ...process.env,
      DATABASE_URL: databaseUrl,
      HTTP_PORT: '0',
      GRPC_PORT: '0',
      GRPC_HOST: '127.0.0.1',
      HTTP_HOST: '127.0.0.1',
      JWT_PUBLIC_KEY: issuer.publicKeyPem,
      LOG_LEVEL: 'silent',
    });
    const token = await issuer.sign({ sub: 'bench', roles: ['admin'] }, { expiresIn: '1h' });
    const serviceClient = new UserServiceClient(user.urls.grpc!, credentials.createInsecure());
    const metadata = new Metadata();
    metadata.set('authorization', `Bearer ${token}`);
    const created = await new Promise<string>((resolve, reject) =>
      serviceClient.createUser({ email: 'bench@shop.test', name: 'Bench', roles: ['staff'] }, metadata, (err, res) =>
        err ? reject(err) : resolve(res.user!.id),
      ),
    );
    const request = { id: created };
    const answer = await new Promise<GetUserResponse>((resolve, reject) =>
      serviceClient.getUser(request, metadata, (err, res) => (err ? reject(err) : resolve(res))),
    );
    const bare = await startBareServer(answer);
    const bareClient = new UserServiceClient(bare.address, credentials.createInsecure());
    try {
      const callService = (done: (err: ServiceError | null) => void) => serviceClient.getUser(request, metadata, (err) => done(err));
      const callBare = (done: (err: ServiceError | null) => void) => bareClient.getUser(request, metadata, (err) => done(err));
      await load(callService, WARMUP_CALLS);
      await load(callBare, WARMUP_CALLS);
      const service = await load(callService, CALLS);
      const floor = await load(callBare, CALLS);
      console.log(`GetUser unary, ${CONCURRENCY} calls in flight, up to ${CALLS} calls or ${MAX_SECONDS} s each, client in the same process`);
      console.log(format('user service (full chain + PG)', service));
      console.log(format('bare grpc-js from memory', floor));
      const ratio = rate(service) / rate(floor);
      console.log(`ratio service/bare: throughput ${ratio.toFixed(3)}, p99 ${(service.p99Ms / Math.max(floor.p99Ms, 0.001)).toFixed(2)}x`);
    } finally {
      serviceClient.close();
      bareClient.close();
      await bare.stop();
      await user.stop();
    }
  });
}

/** Keeps CONCURRENCY calls in flight until `count` have completed or MAX_SECONDS have passed. */
function load(call: (done: (err: ServiceError | null) => void) => void, count: number): Promise<LoadResult> {
  const latencies = new Float64Array(count);
  const started = process.hrtime.bigint();
  const deadline = started + BigInt(MAX_SECONDS) * 1_000_000_000n;
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
    for (let i = 0; i < Math.min(CONCURRENCY, count); i += 1) next();
  });
}

async function startBareServer(answer: GetUserResponse): Promise<{ address: string; stop(): Promise<void> }> {
  const server = new Server();
  const unimplemented = () => {
    throw new Error('the bench calls GetUser only');
  };
  const handlers = Object.fromEntries(Object.keys(UserServiceService).map((k) => [k, unimplemented]));
  server.addService(UserServiceService, { ...handlers, getUser: (_call: unknown, callback: sendUnaryData<GetUserResponse>) => callback(null, answer) });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync('127.0.0.1:0', ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p))),
  );
  return { address: `127.0.0.1:${port}`, stop: () => new Promise<void>((r) => server.tryShutdown(() => r())) };
}

const rate = (r: LoadResult) => r.calls / r.seconds;

function format(label: string, r: LoadResult): string {
  return `${label.padEnd(34)} ${rate(r).toFixed(0).padStart(8)} calls/s   p50 ${r.p50Ms.toFixed(2).padStart(6)} ms   p99 ${r.p99Ms.toFixed(2).padStart(6)} ms   (${r.calls} calls, ${r.failures} failed)`;
}
