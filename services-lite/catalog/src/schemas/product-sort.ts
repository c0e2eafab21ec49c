// `sort=-created_at,name`: a whitelist of sortable fields, each optionally descending with a leading "-".
import { z } from 'zod';

/** API field (snake_case as in the query string, camelCase as in the JSON) -> column. */
const SORTABLE: Record<string, string> = {
  name: 'name',
  sku: 'sku',
  created_at: 'created_at',
  createdAt: 'created_at',
  updated_at: 'updated_at',
  updatedAt: 'updated_at',
};

export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

export const DEFAULT_PRODUCT_SORT: SortKey[] = [{ column: 'created_at', direction: 'desc' }];

/** What the document promises (the parser below also allows spaces around keys and a leading "+"). */
const SORT_KEY = `-?(?:${Object.keys(SORTABLE).join('|')})`;
export const PRODUCT_SORT_PATTERN = `^${SORT_KEY}(?:,${SORT_KEY})*$`;

export const productSort = z
  .string()
  .meta({ pattern: PRODUCT_SORT_PATTERN, description: `comma-separated keys, each "-" for descending: ${sortableNames()}`, examples: ['-created_at,name'] })
  .optional()
  .transform((raw, ctx): SortKey[] | undefined => {
    // Absent: the repository picks the default (relevance for a text query, newest first otherwise).
    if (raw === undefined || raw.trim() === '') return undefined;
    const keys: SortKey[] = [];
    for (const part of raw.split(',')) {
      const field = part.trim().replace(/^[-+]/, '');
      const column = SORTABLE[field];
      if (!column) {
        ctx.addIssue({ code: 'custom', message: `cannot sort by "${field}"; use one of ${sortableNames()}` });
        return z.NEVER;
      }
      if (keys.some((k) => k.column === column)) continue;
      keys.push({ column, direction: part.trim().startsWith('-') ? 'desc' : 'asc' });
    }
    return keys;
  });

function sortableNames(): string {
  return Object.keys(SORTABLE).filter((k) => !/[A-Z]/.test(k)).join(', ');
}
