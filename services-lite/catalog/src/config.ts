// The catalog's environment: the shared variables, the event transport's, and its port and product cache settings.
import { baseEnv, booleanFlag, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';
import { z } from 'zod';

export const catalogEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8012),
  PRODUCT_CACHE_TTL_SECONDS: z.coerce.number().int().min(1).max(86_400).default(300),
  PRODUCT_CACHE_MAX_ENTRIES: z.coerce.number().int().min(100).default(10_000),
  /** false: every product read goes to the database (to measure it, or to rule the cache out). */
  PRODUCT_CACHE_ENABLED: booleanFlag(true),
});

export type CatalogConfig = z.infer<typeof catalogEnv>;
