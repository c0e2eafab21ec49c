// The search service's environment, validated at start-up (one line naming a bad variable).
import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';

export const searchEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8010),
  GRPC_PORT: port(9010),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** The catalog's HTTP API, read by RebuildIndex; without it a rebuild answers UNAVAILABLE (events still feed the index). */
  CATALOG_URL: z.url().optional(),
});

export type SearchConfig = z.infer<typeof searchEnv>;
