import { readFileSync } from 'node:fs';
import net from 'node:net';

// A port picked now and listened on later (PostgreSQL cannot listen on port 0 itself; an ecosystem's services must
// know each other's addresses before any starts) is only as good as nobody taking it in between. Ports the OS hands
// out — to a `listen(0)` anywhere on the machine and, far more often, as the local end of every outgoing connection
// (pg pools, Kafka clients) — come from its ephemeral range, so a port picked from that range is soon taken by an
// outgoing connection: EADDRINUSE at start-up. So ports are picked below that range, where the OS never hands any out,
// checked free by binding, and never handed out twice by one process.

const FALLBACK_EPHEMERAL_START = 32768;
const LOWEST = 20000;
const ATTEMPTS = 200;
const handedOut = new Set<number>();

/** The first port of the OS's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range). */
export function ephemeralRangeStart(): number {
  try {
    const first = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(first) && first > LOWEST + 1000 ? first : FALLBACK_EPHEMERAL_START;
  } catch {
    return FALLBACK_EPHEMERAL_START;
  }
}

/** A free port on 127.0.0.1 outside the OS's ephemeral range, for a server that will listen on it shortly. */
export async function freePort(): Promise<number> {
  const highest = ephemeralRangeStart() - 1;
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const port = LOWEST + Math.floor(Math.random() * (highest - LOWEST + 1));
    if (handedOut.has(port)) continue;
    if (await canListen(port)) {
      handedOut.add(port);
      return port;
    }
  }
  // A machine whose low ports are all taken: fall back to one from the OS (the old, racy way) rather than fail.
  return osPort();
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

function osPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
