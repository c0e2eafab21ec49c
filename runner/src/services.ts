// How the embedded runner starts each service of the registry (runner/src/registry.ts) in its own process: one
// start function per service, in the registry's order. A new service joins the registry and this table.
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
import { startNotification } from '@ecommerce/notification';
import { startSearch } from '@ecommerce/search';
import type { EventTransport } from '@ecommerce/common/events';
import { serviceRegistry } from './registry.js';

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

type Start = (env: Env, shared: SharedResources) => Promise<StartedService>;

const starters: Record<string, Start> = {
  catalog: startCatalog,
  user: startUser,
  auth: startAuth,
  customer: startCustomer,
  pricing: startPricing,
  promotion: startPromotion,
  warehouse: startWarehouse,
  payment: startPayment,
  shipping: startShipping,
  order: startOrder,
  review: startReview,
  loyalty: startLoyalty,
  notification: startNotification,
  search: startSearch,
  gateway: startGateway,
};

export const hostedServices: HostedService[] = serviceRegistry.map(({ name, ports }) => {
  const start = starters[name];
  if (!start) throw new Error(`runner/src/services.ts has no start function for ${name} (runner/src/registry.ts lists it)`);
  return { name, ports, start };
});

const unlisted = Object.keys(starters).filter((name) => !serviceRegistry.some((s) => s.name === name));
if (unlisted.length > 0) throw new Error(`runner/src/services.ts starts ${unlisted.join(', ')}, which runner/src/registry.ts does not list`);
