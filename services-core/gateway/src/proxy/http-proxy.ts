// Streams a request to a lite service and its answer back, without buffering either body: the upstream sees the
// client's method, path and query under the same /api/v1 prefix. No answer within the route's timeout -> 504;
// cannot connect -> 503; both count against the upstream's circuit breaker, as do 502/503/504 answers.
import http from 'node:http';
import https from 'node:https';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError, UnavailableError } from '@ecommerce/common/errors';
import type { Request, RequestHandler, Response } from 'express';
import type { CircuitBreaker } from '../edge/circuit-breaker.js';
import { clientResponseHeaders, upstreamRequestHeaders } from './forward-headers.js';

export interface ProxyTarget {
  name: string;
  url: URL;
  timeoutMs: number;
}

export interface ProxySettings {
  breaker: CircuitBreaker;
  /** Keep-alive pools, one per scheme. */
  agents: { http: http.Agent; https: https.Agent };
  bodyLimitBytes: number;
}

const UPSTREAM_FAILURE_STATUSES = new Set([502, 503, 504]);
const TOO_LARGE = 'ERR_GATEWAY_BODY_TOO_LARGE';

export function proxyTo(target: ProxyTarget, settings: ProxySettings): RequestHandler {
  return async (req, res) => {
    try {
      const declared = req.headers['content-length'];
      if (declared !== undefined && Number(declared) > settings.bodyLimitBytes) throw payloadTooLarge();
      await settings.breaker.run(() => forward(req, res, target, settings), countsAgainstUpstream);
    } catch (err) {
      // The rest of an oversized upload is not worth reading: answer, then close the connection.
      if ((err as { code?: string }).code === TOO_LARGE && !res.headersSent) res.setHeader('connection', 'close');
      throw err;
    }
  };
}

/** Resolves with the upstream status once its headers are relayed; the body keeps streaming after. */
function forward(req: Request, res: Response, target: ProxyTarget, settings: ProxySettings): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    const secure = target.url.protocol === 'https:';
    // Options rather than a URL object: parsing a URL per request costs a visible share of the throughput.
    const upstream = (secure ? https : http).request({
      protocol: target.url.protocol,
      hostname: target.url.hostname,
      port: target.url.port || (secure ? 443 : 80),
      path: req.originalUrl,
      method: req.method,
      headers: upstreamRequestHeaders(req, String(res.locals.requestId)),
      agent: secure ? settings.agents.https : settings.agents.http,
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      upstream.destroy();
    }, target.timeoutMs);

    upstream.once('response', (answer) => {
      clearTimeout(timer);
      res.statusCode = answer.statusCode ?? 502;
      const headers = clientResponseHeaders(answer.headers);
      for (const key in headers) res.setHeader(key, headers[key]!);
      answer.pipe(res);
      answer.once('error', () => res.destroy());
      resolve(answer.statusCode ?? 502);
    });
    upstream.once('error', (err) => {
      clearTimeout(timer);
      // Too late for an error answer: the status line has gone out, so cut the connection instead.
      if (res.headersSent) {
        res.destroy();
        return;
      }
      if (timedOut) reject(new AppError('deadline_exceeded', `upstream ${target.name} did not answer within ${target.timeoutMs} ms`));
      else if ((err as { code?: string }).code === TOO_LARGE) reject(err);
      else reject(new UnavailableError(`upstream ${target.name} is unavailable`, { cause: err }));
    });
    // A client that goes away takes its upstream request with it.
    res.once('close', () => {
      if (!res.writableFinished) upstream.destroy();
    });
    if (hasBody(req)) req.pipe(limitBytes(settings.bodyLimitBytes, (err) => upstream.destroy(err))).pipe(upstream);
    else upstream.end();
  });
}

/** RFC 9112 6.3: a request has a body only when it says so with Content-Length or Transfer-Encoding. */
function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}

/** What the breaker holds against an upstream: no answer, or an answer saying it cannot serve. */
function countsAgainstUpstream({ value, error }: { value?: number; error?: unknown }): boolean {
  return error ? isUpstreamFault(error) : UPSTREAM_FAILURE_STATUSES.has(value!);
}

function isUpstreamFault(error: unknown): boolean {
  return error instanceof AppError && (error.type === 'unavailable' || error.type === 'deadline_exceeded');
}

/** For bodies without a Content-Length (chunked): stops the upload once it passes the limit. */
function limitBytes(limit: number, onExceeded: (err: Error) => void): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      seen += chunk.length;
      if (seen > limit) {
        onExceeded(payloadTooLarge());
        callback();
        return;
      }
      callback(null, chunk);
    },
  });
}

/** Shaped like body-parser's error, so the kit's error handler answers 413 PAYLOAD_TOO_LARGE. */
function payloadTooLarge(): Error {
  return Object.assign(new Error('request body is too large'), { status: 413, expose: true, type: 'entity.too.large', code: TOO_LARGE });
}
