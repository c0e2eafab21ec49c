import type { Request } from 'express';

/** The matched route template (`/api/v1/products/:id`), so metrics and spans do not explode per id. */
export function routeLabel(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${req.baseUrl}${path}` : 'unmatched';
}
