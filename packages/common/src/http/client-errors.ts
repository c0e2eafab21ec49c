// What a server answers to a request Node's HTTP parser refuses before any handler sees it. Node's default is a
// bare status line with no body (431 for a request line plus headers over its 16 KiB limit, 400 for a malformed
// request): a client then gets an answer outside the platform's error envelope, and an API document cannot describe
// it. These answers carry the envelope, so a too-long URL is a documented 431 like any other error.
import type { Socket } from 'node:net';
import { failure } from '../models/envelope.js';

interface ParserError extends Error {
  code?: string;
}

const ANSWERS: Record<string, { status: string; body: ReturnType<typeof failure> }> = {
  HPE_HEADER_OVERFLOW: {
    status: '431 Request Header Fields Too Large',
    body: failure('REQUEST_HEADER_FIELDS_TOO_LARGE', 'the request line and headers are too large (at most 16 KiB); send long input in a request body'),
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: '408 Request Timeout', body: failure('REQUEST_TIMEOUT', 'the request was not received in time') },
};
const MALFORMED = { status: '400 Bad Request', body: failure('INVALID_ARGUMENT', 'malformed HTTP request') };

/** The response bytes for a parser error, made once per kind. */
const RESPONSES = new Map<string, Buffer>();
function responseFor(code: string | undefined): Buffer {
  const key = code && ANSWERS[code] ? code : 'MALFORMED';
  let bytes = RESPONSES.get(key);
  if (!bytes) {
    const answer = ANSWERS[key] ?? MALFORMED;
    const body = JSON.stringify(answer.body);
    bytes = Buffer.from(`HTTP/1.1 ${answer.status}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
    RESPONSES.set(key, bytes);
  }
  return bytes;
}

/** The server's 'clientError' listener: an enveloped answer where the socket can still take one, then close. */
export function answerClientError(err: ParserError, socket: Socket): void {
  // A reset or a half-written response: nothing can be answered.
  if (err.code === 'ECONNRESET' || !socket.writable || (socket as Socket & { _httpMessage?: unknown })._httpMessage) {
    socket.destroy();
    return;
  }
  socket.end(responseFor(err.code));
}
