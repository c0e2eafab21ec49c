// Every service the embedded runner hosts, in start order (dependencies first). A new service joins here.
import { startAuth } from '@ecommerce/auth';
import { startCatalog } from '@ecommerce/catalog';
import { startCustomer } from '@ecommerce/customer';
import { startGateway } from '@ecommerce/gateway';
import { startUser } from '@ecommerce/user';
import { startPricing } from '@ecommerce/pricing';
import { startPromotion } from '@ecommerce/promotion';
import { startWarehouse } from '@ecommerce/warehouse';
import { startPayment } from '@ecommerce/payment';
import { startShipping } from '@ecommerce/shipping';
import { startOrder } from '@ecommerce/order';
import { startReview } from '@ecommerce/review';
import { startLoyalty } from '@ecommerce/loyalty';
import type { EventTransport } from '@ecommerce/common/events';

type Env = Record<string, string | undefined>;

export interface StartedService {
  /** Addresses worth printing, e.g. { http: 'http://127.0.0.1:8012' }. */
  urls: Record<string, string>;
  stop(): Promise<void>;
}

/** What the runner opens once for every service: the one event transport, so events cross services in-process. */
export interface SharedResources {
  transport: EventTransport;
}

export interface HostedService {
  name: string;
  /** Its DESIGN.md ports; the runner hands them out before anything starts, so every address is known up front. */
  ports: { http: number; grpc?: number };
  start(env: Env, shared: SharedResources): Promise<StartedService>;
}

export const hostedServices: HostedService[] = [
  {
    name: 'catalog',
    ports: { http: 8012 },
    start: (env, shared) => startCatalog(env, shared),
  },
  {
    name: 'user',
    ports: { http: 8001, grpc: 9001 },
    start: (env, shared) => startUser(env, shared),
  },
  // After user: staff logins ask the user service for roles at USER_GRPC_ADDRESS.
  {
    name: 'auth',
    ports: { http: 8000 },
    start: (env, shared) => startAuth(env, shared),
  },
  // After auth: it consumes auth.account.registered on the shared transport and trusts auth's JWKS.
  {
    name: 'customer',
    ports: { http: 8007 },
    start: (env, shared) => startCustomer(env, shared),
  },
  {
    name: 'pricing',
    ports: { http: 8002, grpc: 9002 },
    start: (env, shared) => startPricing(env, shared),
  },
  {
    name: 'promotion',
    ports: { http: 8003, grpc: 9003 },
    start: (env, shared) => startPromotion(env, shared),
  },
  {
    name: 'warehouse',
    ports: { http: 8008, grpc: 9008 },
    start: (env, shared) => startWarehouse(env, shared),
  },
  {
    name: 'payment',
    ports: { http: 8005, grpc: 9005 },
    start: (env, shared) => startPayment(env, shared),
  },
  {
    name: 'shipping',
    ports: { http: 8006, grpc: 9006 },
    start: (env, shared) => startShipping(env, shared),
  },
  {
    name: 'order',
    ports: { http: 8004, grpc: 9004 },
    start: (env, shared) => startOrder(env, shared),
  },
  {
    name: 'review',
    ports: { http: 8011, grpc: 9011 },
    start: (env, shared) => startReview(env, shared),
  },
  {
    name: 'loyalty',
    ports: { http: 8013, grpc: 9013 },
    start: (env, shared) => startLoyalty(env, shared),
  },
  // Last: the front door, so it is ready only when what it fronts is.
  {
    name: 'gateway',
    ports: { http: 8080 },
    start: (env, shared) => startGateway(env, shared),
  },
];
