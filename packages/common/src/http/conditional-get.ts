// Answers a read with a pre-serialised JSON body: ETag and Cache-Control on every answer, and 304 with no body
// when the caller already holds this version (If-None-Match).
import type { Request, Response } from 'express';
import type { JsonBody } from './json-body.js';

export const CACHE_CONTROL = {
  /** Anyone may store it, but must ask again (cheaply, with If-None-Match) before reusing it: writes show at once. */
  publicRevalidate: 'public, no-cache',
  /** Depends on who asked (a token): never stored by anyone. */
  privateNoStore: 'private, no-store',
} as const;

export function sendJsonBody(req: Request, res: Response, body: JsonBody, cacheControl: string, status = 200): void {
  res.setHeader('Cache-Control', cacheControl);
  res.setHeader('ETag', body.etag);
  const ifNoneMatch = req.headers['if-none-match'];
  if (status === 200 && (req.method === 'GET' || req.method === 'HEAD') && ifNoneMatch !== undefined && matchesAny(ifNoneMatch, body.etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', body.bytes.length);
  res.end(req.method === 'HEAD' ? undefined : body.bytes);
}

/** If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/` is ignored on both sides; `*` matches any. */
export function matchesAny(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch === etag) return true;
  const opaque = stripWeak(etag);
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate.trim();
    if (tag === '*' || stripWeak(tag) === opaque) return true;
  }
  return false;
}

function stripWeak(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
