import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';

export const userEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8001),
  GRPC_PORT: port(9001),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** At start-up, ensures this user exists, is active and holds the admin role (idempotent). */
  BOOTSTRAP_ADMIN_EMAIL: z.email().optional(),
  BOOTSTRAP_ADMIN_NAME: z.string().min(1).default('Administrator'),
});

/** The service's PostgreSQL schema: not `user`, a reserved word goose's -table cannot take (common db/service-schemas.ts). */
export const USER_SCHEMA = 'users';

export type UserConfig = z.infer<typeof userEnv>;
