// GetUser over gRPC, every server in its own process and the load driven from this one: the user service (full
// interceptor chain, zod validation, PostgreSQL read) against bare grpc-js running the same SQL on the same
// database (like for like), and the kit's interceptor chain answering from memory against bare grpc-js answering
// from memory (the chain's own cost).
import { credentials, Metadata } from '@grpc/grpc-js';
import { migrateUp } from '@ecommerce/common/migrate';
import { createTestJwtIssuer } from '@ecommerce/common/testing';
import { UserServiceClient, UserServiceService, type GetUserResponse } from '@ecommerce/proto/user/v1/user';
import { withBenchPostgres } from './bench-postgres.js';
import type { UnaryCall } from './grpc-load.js';
import type { Results } from './measure/results.js';
import { formatMeasured, measureRounds } from './measure/rounds.js';
import { benchSettings } from './measure/settings.js';
import { grpcSubject } from './measure/subjects.js';
import { startBareGrpcProcess, startChainGrpcProcess, startServiceProcess } from './process/grpc-servers.js';
import { startServerProcess, type ServerProcess } from './process/server-process.js';
import { repoPath } from './repo-path.js';

export async function runGrpcBench(results: Results): Promise<void> {
  await withBenchPostgres('user_bench', async (databaseUrl) => {
    await migrateUp({ databaseUrl, service: 'user', dir: repoPath('migrations/user'), out: () => {} });
    const issuer = await createTestJwtIssuer();
    const servers: ServerProcess[] = [];
    const clients: UserServiceClient[] = [];
    const started = async (p: Promise<ServerProcess>) => {
      const server = await p;
      servers.push(server);
      const client = new UserServiceClient(server.urls.grpc!, credentials.createInsecure());
      clients.push(client);
      return client;
    };
    try {
      const service = await started(
        startServiceProcess('user', {
          DATABASE_URL: databaseUrl,
          HTTP_PORT: '0',
          GRPC_PORT: '0',
          GRPC_HOST: '127.0.0.1',
          HTTP_HOST: '127.0.0.1',
          JWT_PUBLIC_KEY: issuer.publicKeyPem,
          LOG_LEVEL: 'silent',
        }),
      );
      const token = await issuer.sign({ sub: 'bench', roles: ['admin'] }, { expiresIn: '1h' });
      const metadata = new Metadata();
      metadata.set('authorization', `Bearer ${token}`);
      const created = await new Promise<string>((resolve, reject) =>
        service.createUser({ email: 'bench@shop.test', name: 'Bench', roles: ['staff'] }, metadata, (err, res) => (err ? reject(err) : resolve(res.user!.id))),
      );
      const request = { id: created };
      const getUser = (client: UserServiceClient) =>
        new Promise<GetUserResponse>((resolve, reject) => client.getUser(request, metadata, (err, res) => (err ? reject(err) : resolve(res))));
      const answer = await getUser(service);
      const bare = await started(startBareGrpcProcess(UserServiceService, 'getUser', answer));
      const chain = await started(startChainGrpcProcess(UserServiceService, 'getUser', answer, { jwtPublicKey: issuer.publicKeyPem, access: ['staff', 'admin'] }));
      const barePg = await started(startServerProcess('grpc-user-pg', { databaseUrl, schema: 'users', poolMax: 10 }));
      const encode = (r: GetUserResponse) => UserServiceService.getUser.responseSerialize(r).toString('base64');
      if (encode(await getUser(barePg)) !== encode(answer)) throw new Error('bare grpc-js + pg answered another GetUser than the service');

      const call = (client: UserServiceClient): UnaryCall => (done) => client.getUser(request, metadata, (err) => done(err));
      console.log(`GetUser unary, ${benchSettings.connections} calls in flight, ${benchSettings.rounds} rounds of up to ${benchSettings.grpcCalls} calls or ${benchSettings.seconds} s; each server in its own process, the client in the bench's`);
      const measured = await measureRounds(
        [
          grpcSubject('user service (full chain + PG)', call(service)),
          grpcSubject('bare grpc-js + pg, same SQL', call(barePg)),
          grpcSubject('kit interceptor chain from memory', call(chain)),
          grpcSubject('bare grpc-js from memory', call(bare)),
        ],
        benchSettings.rounds,
      );
      for (const m of measured) console.log(formatMeasured(m));
      const [full, likeForLike, chainMemory, bareMemory] = measured as [never, never, never, never];
      results.compare('user GetUser vs bare grpc-js + pg', full, likeForLike, 0.7);
      const chainEntry = results.compare('kit interceptor chain vs bare grpc-js, from memory', chainMemory, bareMemory, 0.85);
      if (chainEntry.ratio !== null) console.log(`the interceptor chain's own cost: ${((1 - chainEntry.ratio) * 100).toFixed(1)} % of bare grpc-js throughput (target <= 15 %)`);
      results.compare('user GetUser vs bare grpc-js from memory', full, bareMemory);
    } finally {
      for (const client of clients) client.close();
      await Promise.all(servers.map((s) => s.stop()));
    }
  });
}
