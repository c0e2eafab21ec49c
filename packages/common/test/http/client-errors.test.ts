import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServerHandle } from '../../src/http/server.js';

let handle: HttpServerHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

/** Sends raw bytes and reads until the server closes the connection. */
function rawExchange(port: number, request: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function parse(raw: string) {
  const [head, body] = raw.split('\r\n\r\n');
  return { statusLine: head!.split('\r\n')[0], head: head!, body: JSON.parse(body!) as { success: boolean; error: { code: string; message: string } } };
}

describe('requests the HTTP parser refuses', () => {
  it('answers a request line over 16 KiB with 431 in the error envelope, not a bare status line', async () => {
    handle = await startHttpServer((_req, res) => res.end('handled'), { port: 0, host: '127.0.0.1' });
    const raw = await rawExchange(handle.port, `GET /search?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: a\r\n\r\n`);
    const answer = parse(raw);
    expect(answer.statusLine).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect(answer.head).toMatch(/content-type: application\/json/i);
    expect(answer.body).toMatchObject({ success: false, error: { code: 'REQUEST_HEADER_FIELDS_TOO_LARGE' } });
  });

  it('answers a malformed request with 400 in the error envelope', async () => {
    handle = await startHttpServer((_req, res) => res.end('handled'), { port: 0, host: '127.0.0.1' });
    const answer = parse(await rawExchange(handle.port, 'NOT A REQUEST\r\n\r\n'));
    expect(answer.statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(answer.body).toMatchObject({ success: false, error: { code: 'INVALID_ARGUMENT' } });
  });

  it('still serves a well-formed request on the same server', async () => {
    handle = await startHttpServer((_req, res) => res.end('handled'), { port: 0, host: '127.0.0.1' });
    const res = await fetch(`${handle.url}/ok`);
    expect(await res.text()).toBe('handled');
  });
});
