// The lite services behind the gateway: which path prefixes each owns, where it lives (an env variable), who
// may call it at the edge and which rate-limit bucket it draws from. A new lite service is one entry here.
// Core services need no entry: their routes come from the protos (see transcode/http-rules.ts) and their
// address from <SERVICE>_GRPC_ADDRESS.
import type { Access } from './edge/access.js';

export type RateBucket = 'default' | 'auth';

export interface LiteUpstreamSpec {
  name: string;
  /** Environment variable holding the base URL; an unset variable leaves the service's routes out. */
  urlVariable: string;
  prefixes: string[];
  access: { read: Access; write: Access };
  bucket: RateBucket;
  /** Time to the upstream's response headers. */
  timeoutMs: number;
}

export const LITE_UPSTREAMS: LiteUpstreamSpec[] = [
  {
    name: 'catalog',
    urlVariable: 'CATALOG_URL',
    prefixes: ['/api/v1/products', '/api/v1/categories', '/api/v1/brands', '/api/v1/pages'],
    access: { read: 'public', write: ['staff', 'admin'] },
    bucket: 'default',
    timeoutMs: 10_000,
  },
  {
    name: 'auth',
    urlVariable: 'AUTH_URL',
    prefixes: ['/api/v1/auth'],
    // Login and registration are how a caller gets a token; the stricter bucket is what guards them.
    access: { read: 'public', write: 'public' },
    bucket: 'auth',
    timeoutMs: 10_000,
  },
  {
    name: 'customer',
    urlVariable: 'CUSTOMER_URL',
    prefixes: ['/api/v1/customers'],
    access: { read: 'authenticated', write: 'authenticated' },
    bucket: 'default',
    timeoutMs: 10_000,
  },
  // A payment provider's webhooks reach the payment service's HTTP port as sent: its signature covers the raw
  // bytes, which transcoding to gRPC would not keep. The signature, not a token, is what authenticates them.
  {
    name: 'payment-webhooks',
    urlVariable: 'PAYMENT_URL',
    prefixes: ['/api/v1/payments/webhooks'],
    access: { read: 'public', write: 'public' },
    bucket: 'default',
    timeoutMs: 10_000,
  },
];

/** Core services are reached by gRPC; the edge only insists on a valid token when one is shown. */
export const CORE_ACCESS: Access = 'public';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function accessFor(spec: LiteUpstreamSpec, method: string): Access {
  return SAFE_METHODS.has(method) ? spec.access.read : spec.access.write;
}
