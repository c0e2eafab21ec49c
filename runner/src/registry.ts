// The one list of the platform's services: what each is, where it lives, what it listens on, whom it calls and
// which events it consumes. The embedded runner (`make dev`), the distributed launcher (`make up`) and the
// Kubernetes manifests (scripts/k8s) are derived from it, so a service added here is added everywhere. Pure
// data: importing it starts nothing. Order is start order (what a service calls comes first; the gateway last).

export type Tier = 'lite' | 'core';

export interface ServiceSpec {
  name: string;
  tier: Tier;
  /** The package directory; `node <dir>/dist/main.js` runs the service as its own process. */
  dir: string;
  /** DESIGN.md's ports. */
  ports: { http: number; grpc?: number };
  /** Services it calls synchronously (it gets their <NAME>_URL / <NAME>_GRPC_ADDRESS). */
  calls: readonly string[];
  /** Event types it consumes (what it publishes is `<name>.*` in proto/events/v1). */
  consumes: readonly string[];
  /** It owns a schema with migrations in migrations/<name>. */
  database: boolean;
  /** The only service reachable from outside the cluster. */
  edge?: boolean;
}

const CORE_UPSTREAMS = ['user', 'pricing', 'promotion', 'warehouse', 'payment', 'shipping', 'order', 'review', 'loyalty', 'notification', 'search'];

export const serviceRegistry: readonly ServiceSpec[] = [
  { name: 'catalog', tier: 'lite', dir: 'services-lite/catalog', ports: { http: 8012 }, calls: [], consumes: [], database: true },
  // auth asks user for a staff member's roles; user verifies auth's tokens from its JWKS (read lazily), so user goes first.
  { name: 'user', tier: 'core', dir: 'services-core/user', ports: { http: 8001, grpc: 9001 }, calls: ['auth'], consumes: [], database: true },
  {
    name: 'auth',
    tier: 'lite',
    dir: 'services-lite/auth',
    ports: { http: 8000 },
    calls: ['user'],
    consumes: ['user.user.created', 'user.user.updated', 'user.user.deleted', 'customer.customer.deleted'],
    database: true,
  },
  { name: 'customer', tier: 'lite', dir: 'services-lite/customer', ports: { http: 8007 }, calls: ['auth'], consumes: ['auth.account.registered'], database: true },
  { name: 'pricing', tier: 'core', dir: 'services-core/pricing', ports: { http: 8002, grpc: 9002 }, calls: ['auth'], consumes: ['catalog.product.created', 'catalog.product.updated', 'catalog.product.deleted', 'catalog.product.restored'], database: true },
  { name: 'promotion', tier: 'core', dir: 'services-core/promotion', ports: { http: 8003, grpc: 9003 }, calls: ['auth'], consumes: [], database: true },
  { name: 'warehouse', tier: 'core', dir: 'services-core/warehouse', ports: { http: 8008, grpc: 9008 }, calls: ['auth'], consumes: ['catalog.product.created', 'catalog.product.updated', 'catalog.product.restored'], database: true },
  { name: 'payment', tier: 'core', dir: 'services-core/payment', ports: { http: 8005, grpc: 9005 }, calls: ['auth'], consumes: [], database: true },
  { name: 'shipping', tier: 'core', dir: 'services-core/shipping', ports: { http: 8006, grpc: 9006 }, calls: ['auth'], consumes: [], database: true },
  {
    name: 'order',
    tier: 'core',
    dir: 'services-core/order',
    ports: { http: 8004, grpc: 9004 },
    calls: ['auth', 'catalog', 'pricing', 'promotion', 'warehouse', 'payment', 'shipping'],
    consumes: ['shipping.shipment.shipped', 'shipping.shipment.returned'],
    database: true,
  },
  {
    name: 'review',
    tier: 'core',
    dir: 'services-core/review',
    ports: { http: 8011, grpc: 9011 },
    calls: ['auth'],
    consumes: ['catalog.product.created', 'catalog.product.updated', 'catalog.product.restored', 'order.order.placed', 'shipping.shipment.delivered'],
    database: true,
  },
  {
    name: 'loyalty',
    tier: 'core',
    dir: 'services-core/loyalty',
    ports: { http: 8013, grpc: 9013 },
    calls: ['auth'],
    consumes: ['customer.customer.created', 'order.order.placed', 'order.order.cancelled', 'order.order.returned', 'review.review.approved'],
    database: true,
  },
  {
    name: 'notification',
    tier: 'core',
    dir: 'services-core/notification',
    ports: { http: 8009, grpc: 9009 },
    calls: ['auth'],
    consumes: [
      'auth.account.registered',
      'auth.account.verification_requested',
      'auth.account.password_reset_requested',
      'auth.account.invited',
      'customer.customer.created',
      'customer.customer.updated',
      'customer.customer.deleted',
      'order.order.placed',
      'payment.payment.refunded',
      'shipping.shipment.shipped',
      'shipping.shipment.delivered',
    ],
    database: true,
  },
  {
    name: 'search',
    tier: 'core',
    dir: 'services-core/search',
    ports: { http: 8010, grpc: 9010 },
    // catalog: RebuildIndex reads its HTTP API.
    calls: ['auth', 'catalog'],
    consumes: [
      'catalog.product.created', 'catalog.product.updated', 'catalog.product.deleted', 'catalog.product.restored',
      'catalog.category.created', 'catalog.category.updated', 'catalog.category.deleted',
      'pricing.price.changed', 'warehouse.stock.changed', 'review.rating.changed',
    ],
    database: true,
  },
  // Last: the front door, so it is ready only when what it fronts is.
  { name: 'gateway', tier: 'core', dir: 'services-core/gateway', ports: { http: 8080 }, calls: ['auth', 'catalog', 'customer', ...CORE_UPSTREAMS], consumes: [], database: false, edge: true },
];

export function serviceSpec(name: string): ServiceSpec {
  const spec = serviceRegistry.find((s) => s.name === name);
  if (!spec) throw new Error(`no service named ${name} in runner/src/registry.ts`);
  return spec;
}
