// CORS for the kit's two settings (any origin, or a list): a plain request gets its headers from values worked out
// once; a preflight (OPTIONS), or a response that already varies on something, goes to the cors package as before.
import cors from 'cors';
import type { RequestHandler } from 'express';

export interface CorsSettings {
  /** `*`, or the allowed origins. */
  origins: '*' | string[];
  exposedHeaders: string[];
}

export function corsHeaders(settings: CorsSettings): RequestHandler {
  const full = cors({ origin: settings.origins, exposedHeaders: settings.exposedHeaders });
  const exposed = settings.exposedHeaders.join(',');
  const anyOrigin = settings.origins === '*';
  const allowed = new Set(anyOrigin ? [] : settings.origins);
  return (req, res, next) => {
    if (req.method === 'OPTIONS' || res.getHeader('vary') !== undefined) {
      full(req, res, next);
      return;
    }
    if (anyOrigin) {
      res.setHeader('Access-Control-Allow-Origin', '*');
    } else {
      const origin = req.headers.origin;
      if (origin !== undefined && allowed.has(origin)) res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
    }
    if (exposed) res.setHeader('Access-Control-Expose-Headers', exposed);
    next();
  };
}
