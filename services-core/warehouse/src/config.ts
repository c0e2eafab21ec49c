// The warehouse service's environment, validated at start-up (one line naming a bad variable).
import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';

export const warehouseEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8008),
  GRPC_PORT: port(9008),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** How often the sweeper releases expired reservations: the most an expired reservation keeps its stock. */
  RESERVATION_SWEEP_INTERVAL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(30_000),
});

export type WarehouseConfig = z.infer<typeof warehouseEnv>;
