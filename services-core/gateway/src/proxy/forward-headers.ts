// Which headers cross the gateway. Hop-by-hop headers (RFC 9110 7.6.1) belong to one connection and never pass;
// the client's address, host and scheme go on as X-Forwarded-*; the request id and the gateway's trace context
// go upstream so one request reads as one trace and one id in every log.
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { context, propagation } from '@opentelemetry/api';
import type { Request } from 'express';

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];
// Built once: host is the upstream's; the caller's trace headers are replaced by the gateway span's (a child of
// them); the request id is the edge's to decide.
const NOT_UPSTREAM = new Set([...HOP_BY_HOP, 'host', 'traceparent', 'tracestate', 'x-request-id']);
const NOT_TO_CLIENT = new Set([...HOP_BY_HOP, 'x-request-id']);

/** Hop-by-hop headers, plus those in `drop` and any the sender named in its Connection header. */
export function withoutHopByHop(headers: IncomingHttpHeaders, drop: ReadonlySet<string> = NOT_TO_CLIENT): OutgoingHttpHeaders {
  const connection = headers.connection;
  // `Connection: keep-alive` (the usual value) names nothing beyond the hop-by-hop set: no per-request set then.
  const named = connection && connection.toLowerCase() !== 'keep-alive' && connection.toLowerCase() !== 'close' ? namedIn(connection) : undefined;
  const out: OutgoingHttpHeaders = {};
  for (const key in headers) {
    const value = headers[key];
    if (value !== undefined && !drop.has(key) && !named?.has(key)) out[key] = value;
  }
  return out;
}

function namedIn(connection: string): Set<string> {
  return new Set(
    connection
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
}

export function upstreamRequestHeaders(req: Request, requestId: string): OutgoingHttpHeaders {
  const headers = withoutHopByHop(req.headers, NOT_UPSTREAM);
  const clientAddress = req.socket.remoteAddress ?? '';
  const priorFor = req.headers['x-forwarded-for'];
  headers['x-forwarded-for'] = priorFor ? `${priorFor}, ${clientAddress}` : clientAddress;
  // The gateway is the edge: host and scheme are what the client used to reach it, not what it claims.
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = (req.socket as { encrypted?: boolean }).encrypted ? 'https' : 'http';
  headers['x-request-id'] = requestId;
  // The trace context goes straight into the outgoing headers (its setter only writes traceparent/tracestate).
  propagation.inject(context.active(), headers);
  return headers;
}

/** Upstream response headers the client gets: CORS and the request id are the edge's to decide. */
export function clientResponseHeaders(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const out = withoutHopByHop(headers, NOT_TO_CLIENT);
  for (const key in out) if (key.startsWith('access-control-')) delete out[key];
  return out;
}
