// zod pieces every catalog resource shares.
import { isoTimestamp } from '@ecommerce/common/models';
import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slug = z
  .string()
  .min(1)
  .max(200)
  .regex(SLUG_PATTERN, 'must be lower-case letters, digits and single hyphens, like "red-shoes"');

export const name = z.string().trim().min(1).max(300);
export const description = z.string().max(20_000);

/** `:id` route parameter: a malformed id is a 400 naming `id`, never a database error. */
export const idParams = z.object({ id: z.uuid() });
export const slugParams = z.object({ slug });

/** Timestamps leave the service as ISO-8601 UTC strings. */
export const timestamp = isoTimestamp();

