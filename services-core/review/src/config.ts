// The review service's environment, validated at start-up (one line naming a bad variable).
import { z } from 'zod';
import { baseEnv, port } from '@ecommerce/common/config';
import { eventsEnv } from '@ecommerce/common/events';

/** A small default so `make dev` shows the flag rule at work; deployments set their own list. */
export const DEFAULT_BANNED_WORDS = ['spam', 'scam', 'fake', 'idiot', 'stupid'];

export const reviewEnv = baseEnv.extend(eventsEnv.shape).extend({
  HTTP_PORT: port(8011),
  GRPC_PORT: port(9011),
  GRPC_HOST: z.string().default('0.0.0.0'),
  /** How long in-flight calls may finish after SIGTERM. */
  SHUTDOWN_DRAIN_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Comma-separated words or phrases that flag a review for a moderator (case-insensitive, whole words); empty turns the rule off. */
  REVIEW_BANNED_WORDS: z
    .string()
    .optional()
    .transform((v) => (v === undefined ? DEFAULT_BANNED_WORDS : v.split(',').map((w) => w.trim()).filter((w) => w.length > 0))),
});

export type ReviewConfig = z.infer<typeof reviewEnv>;
