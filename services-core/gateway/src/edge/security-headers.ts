// helmet's security headers, worked out once: with the gateway's settings (no per-request CSP nonce) they are
// the same on every response, so the hot path copies a prebuilt list instead of running helmet's twelve
// middlewares per request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

export function securityHeaders(): RequestHandler {
  const headers = helmetHeaders();
  return (_req, res, next) => {
    for (let i = 0; i < headers.length; i++) res.setHeader(headers[i]![0], headers[i]![1]);
    next();
  };
}

/** The headers helmet() sets, recorded from one run against a stand-in response. */
export function helmetHeaders(): Array<[string, string]> {
  const recorded: Array<[string, string]> = [];
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      recorded.push([name, String(value)]);
      return response;
    },
    removeHeader() {},
  };
  let finished = false;
  helmet()({ method: 'GET', headers: {} } as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    if (err) throw err;
    finished = true;
  });
  // helmet answers synchronously; a future version that did not would leave the headers unset, so refuse to start.
  if (!finished) throw new Error('helmet did not finish synchronously: security headers cannot be prebuilt');
  return recorded;
}
