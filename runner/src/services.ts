// Every service the embedded runner hosts, in start order (dependencies first). A new service joins here.
import { startAuth } from '@ecommerce/auth';
import { startCatalog } from '@ecommerce/catalog';
import { startGateway } from '@ecommerce/gateway';
import { startUser } from '@ecommerce/user';

type Env = Record<string, string | undefined>;

export interface StartedService {
  /** Addresses worth printing, e.g. { http: 'http://127.0.0.1:8012' }. */
  urls: Record<string, string>;
  stop(): Promise<void>;
}

export interface HostedService {
  name: string;
  start(env: Env): Promise<StartedService>;
}

export const hostedServices: HostedService[] = [
  {
    name: 'catalog',
    async start(env) {
      const s = await startCatalog(env);
      return { urls: { http: s.url }, stop: s.stop };
    },
  },
  {
    name: 'user',
    async start(env) {
      const s = await startUser(env);
      return { urls: { http: s.httpUrl, grpc: s.grpcAddress }, stop: s.stop };
    },
  },
  // After user: staff logins ask the user service for roles at USER_GRPC_ADDRESS, which the runner passes.
  {
    name: 'auth',
    async start(env) {
      const s = await startAuth({ ...env, RUN_MODE: env.RUN_MODE ?? 'embedded' });
      return { urls: { http: s.url, jwks: s.jwksUrl }, stop: s.stop };
    },
  },
  // Last: the front door, pointed at the services above (the runner passes their addresses).
  {
    name: 'gateway',
    async start(env) {
      const s = await startGateway(env);
      return { urls: { http: s.url, docs: `${s.url}/docs` }, stop: s.stop };
    },
  },
];
