// The customer service's environment: 12-factor, validated at start-up (a bad value names its variable).
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';
import type { z } from 'zod';

export const customerEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8007),
});

export type CustomerConfig = z.infer<typeof customerEnv>;
