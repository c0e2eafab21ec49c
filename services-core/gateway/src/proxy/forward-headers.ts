// Which headers cross the gateway. Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and never pass;
// the client's address, host and scheme go on as X-Forwarded-*; the request id and the gateway's trace context
// go upstream so one request reads as one trace and one id in every log.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { context, propagation } from '@opentelemetry/api';
import type { Request } from 'express';

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade']);

/** Hop-by-hop headers, plus any the sender named in its Connection header. */
export function withoutHopByHop(headers: IncomingHttpHeaders, alsoDrop: readonly string[] = []): OutgoingHttpHeaders {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
  const drop = new Set([...HOP_BY_HOP, ...named, ...alsoDrop]);
  const out: OutgoingHttpHeaders = {};
  for (const [key, value] of Object.entries(headers)) {
    if (value !== undefined && !drop.has(key)) out[key] = value;
  }
  return out;
}

export function upstreamRequestHeaders(req: Request, requestId: string): OutgoingHttpHeaders {
  // host is the upstream's; the caller's trace headers are replaced by the gateway span's (a child of them).
  const headers = withoutHopByHop(req.headers, ['host', 'traceparent', 'tracestate', 'x-request-id']);
  const clientAddress = req.socket.remoteAddress ?? '';
  const priorFor = req.get('x-forwarded-for');
  headers['x-forwarded-for'] = priorFor ? `${priorFor}, ${clientAddress}` : clientAddress;
  // The gateway is the edge: host and scheme are what the client used to reach it, not what it claims.
  headers['x-forwarded-host'] = req.get('host') ?? '';
  headers['x-forwarded-proto'] = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  headers['x-request-id'] = requestId;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  Object.assign(headers, carrier);
  return headers;
}

/** Upstream response headers the client gets: CORS and the request id are the edge's to decide. */
export function clientResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out = withoutHopByHop(headers, ['x-request-id']);
  for (const key of Object.keys(out)) if (key.startsWith('access-control-')) delete out[key];
  return out;
}
