import { z } from 'zod';

export const MAX_PAGE_LIMIT = 100;

/** Query-string pagination: `page` from 1, `limit` 1..100; strings are coerced because they come from a URL. */
export const paginationQuery = z.object({
  page: z.coerce.number().int().min(1).default(1),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(20),
});

export type Pagination = z.infer<typeof paginationQuery>;

export interface Page<T> {
  items: T[];
  total: number;
}

export function offsetOf(p: Pagination): number {
  return (p.page - 1) * p.limit;
}
