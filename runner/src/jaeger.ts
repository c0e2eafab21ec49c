// A real Jaeger (v2, the binary scripts/install-jaeger.sh builds from the Go module proxy into .cache/bin) with
// in-memory storage on ports of our choosing: services export OTLP/HTTP to it, its query API reads traces back.
// A binary built from the Go module carries no UI assets (they are a separate JavaScript build): the query API
// (/api/services, /api/traces?service=gateway, /api/traces/<trace id>) is what it serves.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from '@ecommerce/common/lifecycle';
import { stopProcess } from './stop-process.js';

export interface RunningJaeger {
  /** OTEL_EXPORTER_OTLP_ENDPOINT for the services. */
  otlpHttpEndpoint: string;
  /** The UI and its API (GET /api/traces/<trace id>). */
  queryUrl: string;
  stop(): Promise<void>;
}

export function jaegerBinary(repoRoot: string): string | undefined {
  const binary = path.join(repoRoot, '.cache/bin/jaeger');
  return existsSync(binary) ? binary : undefined;
}

export async function startJaeger(binary: string, dir: string, ports?: { otlpHttp: number; query: number }): Promise<RunningJaeger> {
  const otlpHttp = ports?.otlpHttp ?? (await freePort());
  const query = ports?.query ?? (await freePort());
  const config = path.join(dir, 'jaeger.yaml');
  await writeFile(config, jaegerConfig({ otlpHttp, otlpGrpc: await freePort(), query, queryGrpc: await freePort() }));
  const log = createWriteStream(path.join(dir, 'jaeger.log'));
  // Jaeger traces itself by OTLP to localhost:4317 by default; nothing listens there, so it would only log retries.
  const child = spawn(binary, ['--config', config], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, OTEL_TRACES_EXPORTER: 'none' } });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const queryUrl = `http://127.0.0.1:${query}`;
  await waitForQueryApi(child, queryUrl);
  return { otlpHttpEndpoint: `http://127.0.0.1:${otlpHttp}`, queryUrl, stop: () => stopProcess(child, 10_000) };
}

/** The all-in-one pipeline: OTLP in, memory storage, the query service; nothing else listens. */
function jaegerConfig(ports: { otlpHttp: number; otlpGrpc: number; query: number; queryGrpc: number }): string {
  return `service:
  extensions: [jaeger_storage, jaeger_query]
  pipelines:
    traces:
      receivers: [otlp]
      processors: [batch]
      exporters: [jaeger_storage_exporter]
  telemetry:
    metrics:
      level: none
    traces:
      level: none
extensions:
  jaeger_storage:
    backends:
      memstore:
        memory:
          max_traces: 100000
  jaeger_query:
    storage:
      traces: memstore
    http:
      endpoint: 127.0.0.1:${ports.query}
    grpc:
      endpoint: 127.0.0.1:${ports.queryGrpc}
receivers:
  otlp:
    protocols:
      http:
        endpoint: 127.0.0.1:${ports.otlpHttp}
      grpc:
        endpoint: 127.0.0.1:${ports.otlpGrpc}
processors:
  batch:
    timeout: 200ms
exporters:
  jaeger_storage_exporter:
    trace_storage: memstore
`;
}

async function waitForQueryApi(child: ChildProcess, queryUrl: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`jaeger exited with code ${child.exitCode} while starting (see jaeger.log)`);
    if (await fetch(`${queryUrl}/api/services`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`jaeger's query API did not answer within ${timeoutMs} ms`);
}
