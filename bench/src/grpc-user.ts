// GetUser over gRPC through the user service's full interceptor chain (tracing, metrics, access log, error
// mapping, deadline, JWT auth, zod validation, PostgreSQL read) against a bare grpc-js server answering the same
// message from memory: what the kit and the service cost over the floor. Bounded by call count and by time.
import { credentials, Metadata } from '@grpc/grpc-js';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { UserServiceClient, UserServiceService, type GetUserResponse } from '@ecommerce/proto/user/v1/user';
import { startUser } from '@ecommerce/user';
import { withBenchPostgres } from './bench-postgres.js';
import { formatLoad, formatRatio, runLoad, startBareServer, type UnaryCall } from './grpc-load.js';
import { repoPath } from './repo-path.js';

const CALLS = Number(process.env.BENCH_GRPC_CALLS ?? 20_000);
const CONCURRENCY = Number(process.env.BENCH_GRPC_CONCURRENCY ?? 50);
const MAX_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_CALLS = 500;

/** Every load of this bench: CONCURRENCY calls in flight, up to `count` calls or MAX_SECONDS. */
const load = (call: UnaryCall, count: number) => runLoad(call, { count, concurrency: CONCURRENCY, maxSeconds: MAX_SECONDS });

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
    const bare = await startBareServer(UserServiceService, 'getUser', answer);
    const bareClient = new UserServiceClient(bare.address, credentials.createInsecure());
    try {
      const callService: UnaryCall = (done) => serviceClient.getUser(request, metadata, (err) => done(err));
      const callBare: UnaryCall = (done) => bareClient.getUser(request, metadata, (err) => done(err));
      await load(callService, WARMUP_CALLS);
      await load(callBare, WARMUP_CALLS);
      const service = await load(callService, CALLS);
      const floor = await load(callBare, CALLS);
      console.log(`GetUser unary, ${CONCURRENCY} calls in flight, up to ${CALLS} calls or ${MAX_SECONDS} s each, client in the same process`);
      console.log(formatLoad('user service (full chain + PG)', service));
      console.log(formatLoad('bare grpc-js from memory', floor));
      console.log(formatRatio('service/bare', service, floor));
    } finally {
      serviceClient.close();
      bareClient.close();
      await bare.stop();
      await user.stop();
    }
  });
}
