// Composition root of the user service: config -> infrastructure -> container -> servers; stop() undoes it in
// reverse order. Runs standalone (`node dist/main.js`) or inside the embedded runner and tests via startUser().
import { runMain } from '@ecommerce/common/config';
import { startServiceEvents, type EventTransport, type ServiceEvents } from '@ecommerce/common/events';
import { isMainModule, stopOnSignals } from '@ecommerce/common/lifecycle';
import { BootstrapAdminUseCase } from './biz/bootstrap-admin.js';
import { createContainer } from './container.js';
import { openInfrastructure } from './infrastructure.js';
import { startServers } from './server/start-servers.js';

export interface UserService {
  /** `127.0.0.1:<port>`, a gRPC target. */
  grpcAddress: string;
  grpcPort: number;
  httpUrl: string;
  stop(): Promise<void>;
}

export interface UserDeps {
  /** The process's one in-process transport in embedded mode; without it one is made from RUN_MODE/KAFKA_BROKERS. */
  transport?: EventTransport;
}

/**
 * Env: DATABASE_URL (required), HTTP_PORT 8001, GRPC_PORT 9001, JWT_*, BOOTSTRAP_ADMIN_EMAIL, RUN_MODE, KAFKA_BROKERS;
 * see config.ts. Called as a library (runner, tests) RUN_MODE defaults to embedded; the entry point below, distributed.
 */
export async function startUser(env: Record<string, string | undefined> = process.env, deps: UserDeps = {}): Promise<UserService> {
  const infra = openInfrastructure({ ...env, RUN_MODE: env.RUN_MODE ?? 'embedded' });
  let events: ServiceEvents | undefined;
  try {
    events = await startServiceEvents({
      service: 'user',
      db: infra.db,
      env: infra.config,
      logger: infra.logger,
      metrics: infra.metrics.registry,
      ...(deps.transport ? { transport: deps.transport } : {}),
    });
    const container = createContainer(infra);
    if (!infra.config.JWT_JWKS_URL && !infra.config.JWT_PUBLIC_KEY) {
      infra.logger.warn('neither JWT_JWKS_URL nor JWT_PUBLIC_KEY is set: every call will be UNAUTHENTICATED');
    }
    if (infra.config.BOOTSTRAP_ADMIN_EMAIL) {
      const { user, created } = await container.get(BootstrapAdminUseCase).execute(infra.config.BOOTSTRAP_ADMIN_EMAIL, infra.config.BOOTSTRAP_ADMIN_NAME);
      infra.logger.info({ user_id: user.id, created }, 'bootstrap admin ensured');
    }
    const { grpc, http } = await startServers(container);
    infra.logger.info({ grpc_port: grpc.port, http_url: http.url }, 'user service started');
    let stopping: Promise<void> | undefined;
    return {
      grpcAddress: grpc.address,
      grpcPort: grpc.port,
      httpUrl: http.url,
      stop() {
        stopping ??= (async () => {
          await grpc.stop();
          await http.close();
          await events?.stop();
          infra.logger.info('user service stopped');
          await infra.close();
        })();
        return stopping;
      },
    };
  } catch (err) {
    await events?.stop();
    await infra.close();
    throw err;
  }
}

if (isMainModule(import.meta.url)) {
  await runMain(async () => {
    const service = await startUser({ ...process.env, RUN_MODE: process.env.RUN_MODE ?? 'distributed' });
    stopOnSignals(service.stop, (message) => process.stderr.write(`user: ${message}\n`));
  });
}
