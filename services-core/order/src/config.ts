// The order service's environment, validated at start-up (one line naming a bad variable).
import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';

const hours = (fallback: number) => z.coerce.number().int().min(1).max(24 * 365).default(fallback);

export const orderEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8004),
  GRPC_PORT: port(9004),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** The services the cart and checkout call (host:port); the runner sets them. */
  PRICING_GRPC_ADDRESS: z.string().min(1).optional(),
  PROMOTION_GRPC_ADDRESS: z.string().min(1).optional(),
  WAREHOUSE_GRPC_ADDRESS: z.string().min(1).optional(),
  PAYMENT_GRPC_ADDRESS: z.string().min(1).optional(),
  SHIPPING_GRPC_ADDRESS: z.string().min(1).optional(),
  /** Where the service trades SERVICE_SECRET for its staff token (internal RPCs of warehouse, promotion, payment). */
  AUTH_URL: z.url().optional(),
  SERVICE_SECRET: z.string().min(1).optional(),
  GUEST_CART_TTL_HOURS: hours(7 * 24),
  CUSTOMER_CART_TTL_HOURS: hours(30 * 24),
  /** Expired and merged carts no order refers to are deleted this long after their last change. */
  CART_RETENTION_HOURS: hours(30 * 24),
  /** How long a checkout holds its cart; a crashed checkout lets go after this. */
  CHECKOUT_LEASE_SECONDS: z.coerce.number().int().min(5).max(3_600).default(120),
  /** Checkouts driving their saga at once per process (backpressure on the participants); the rest queue in memory. */
  CHECKOUT_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(16),
  /** An order's stock reservation lasts until shipment or cancellation; this is the warehouse's safety expiry. */
  RESERVATION_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3_600).default(14 * 24 * 3_600),
});

export type OrderConfig = z.infer<typeof orderEnv>;
