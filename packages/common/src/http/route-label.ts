import type { Request } from 'express';

/**
 * The matched route template (`/api/v1/products/:id`), so metrics and spans do not explode per id.
 * When an error leaves a mounted router, Express has already restored `baseUrl`; the mount prefix is then
 * what remains of the path once the template's own segments are taken off its end.
 */
export function routeLabel(req: Request): string {
  const template = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof template !== 'string') return 'unmatched';
  if (req.baseUrl) return `${req.baseUrl}${template}`;
  const templateSegments = template.split('/').filter(Boolean).length;
  const pathSegments = (req.originalUrl.split('?')[0] ?? '').split('/').filter(Boolean);
  const prefix = pathSegments.slice(0, Math.max(0, pathSegments.length - templateSegments));
  return `${prefix.length ? `/${prefix.join('/')}` : ''}${template}`;
}
