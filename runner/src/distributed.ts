// Distributed mode on one machine (`make up`), the way production runs: a real Kafka broker, a standalone
// PostgreSQL, the migrations as a step of their own (as a Kubernetes Job would run them), then every service of
// the registry as its own Node.js process with its own environment, talking over Kafka and gRPC. Stopping goes
// in reverse: services (gateway first), then PostgreSQL, then the broker this launcher started.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { startEmbeddedPostgres, type RunningPostgres } from '@ecommerce/common/db';
import { loadDevKeys } from './dev-keys.js';
import { serviceRegistry } from './registry.js';
import { stopProcess } from './stop-process.js';
import { assignPorts, serviceEnvironments } from './service-environments.js';

const run = promisify(execFile);

export interface DistributedSettings {
  repoRoot: string;
  /** PostgreSQL data, service logs and the development key live here. */
  dataDir: string;
  postgresPort: number;
  ports: 'default' | 'ephemeral';
  logLevel: string;
  /** Added to every service's environment, e.g. OTEL_EXPORTER_OTLP_ENDPOINT to export traces to Jaeger. */
  extraEnv?: Record<string, string>;
  /** How long every service gets to answer /readyz. */
  readyTimeoutMs?: number;
  log(line: string): void;
}

export interface DistributedProcess {
  name: string;
  pid: number;
  urls: Record<string, string>;
  logFile: string;
  /** Resident memory once ready, from /proc (undefined where /proc is missing). */
  rssMb?: number;
}

export interface RunningDistributed {
  kafkaBrokers: string;
  postgresUrl: string;
  processes: DistributedProcess[];
  devStaffToken: string;
  stop(): Promise<void>;
}

export async function startDistributed(settings: DistributedSettings): Promise<RunningDistributed> {
  const stops: Array<{ what: string; stop: () => Promise<void> }> = [];
  const stop = async () => {
    for (const { what, stop: stopOne } of stops.reverse()) {
      await stopOne().catch((err: unknown) => settings.log(`stopping ${what} failed: ${String(err)}`));
    }
  };
  try {
    const kafkaBrokers = await startKafka(settings, stops);
    const postgres = await startPostgres(settings, stops);
    await migrate(settings, postgres.url);
    const keys = await loadDevKeys(path.join(settings.dataDir, 'dev-jwt'));
    const ports = await assignPorts(settings.ports);
    const environments = serviceEnvironments({ ports, databaseUrl: postgres.url, devPublicKeyPem: keys.publicKeyPem, logLevel: settings.logLevel });
    const logDir = path.join(settings.dataDir, 'logs');
    await mkdir(logDir, { recursive: true });
    const processes: Array<DistributedProcess & { child: ChildProcess }> = [];
    for (const spec of serviceRegistry) {
      const logFile = path.join(logDir, `${spec.name}.log`);
      const child = spawnService(path.join(settings.repoRoot, spec.dir, 'dist/main.js'), { ...environments[spec.name], ...settings.extraEnv, RUN_MODE: 'distributed', KAFKA_BROKERS: kafkaBrokers }, logFile);
      stops.push({ what: spec.name, stop: () => stopProcess(child) });
      const { http, grpc } = ports[spec.name]!;
      processes.push({ name: spec.name, pid: child.pid!, child, logFile, urls: { http: `http://127.0.0.1:${http}`, ...(grpc ? { grpc: `127.0.0.1:${grpc}` } : {}) } });
    }
    // All start at once (each finds the others by address when it first calls them); ready means /readyz says so.
    await Promise.all(processes.map((p) => waitUntilReady(p, settings.readyTimeoutMs ?? 120_000)));
    for (const p of processes) p.rssMb = rssMb(p.pid);
    settings.log(`started ${processes.length} services as separate processes; logs in ${logDir}`);
    return {
      kafkaBrokers,
      postgresUrl: postgres.url,
      processes: processes.map(({ child: _child, ...p }) => p),
      devStaffToken: await keys.signStaffToken('dev-staff', ['staff', 'admin']),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The broker at KAFKA_BROKERS, or a single-node one from scripts/kafka (its data kept between runs). */
async function startKafka(settings: DistributedSettings, stops: Array<{ what: string; stop: () => Promise<void> }>): Promise<string> {
  if (process.env.KAFKA_BROKERS) return process.env.KAFKA_BROKERS;
  settings.log('starting Kafka (scripts/kafka/start.sh; the first run fetches it from Maven Central)');
  const { stdout } = await run('bash', [path.join(settings.repoRoot, 'scripts/kafka/start.sh')], { maxBuffer: 16 * 1024 * 1024 });
  const brokers = /^KAFKA_BROKERS=(.+)$/m.exec(stdout)?.[1];
  if (!brokers) throw new Error(`scripts/kafka/start.sh printed no KAFKA_BROKERS line:\n${stdout}`);
  stops.push({ what: 'kafka', stop: async () => void (await run('bash', [path.join(settings.repoRoot, 'scripts/kafka/stop.sh')])) });
  return brokers;
}

/** The PostgreSQL at DATABASE_URL, or the embedded binaries as a server of their own with persistent data. */
async function startPostgres(settings: DistributedSettings, stops: Array<{ what: string; stop: () => Promise<void> }>): Promise<{ url: string }> {
  if (process.env.DATABASE_URL) return { url: process.env.DATABASE_URL };
  const postgres: RunningPostgres = await startEmbeddedPostgres({ dataDir: path.join(settings.dataDir, 'postgres'), port: settings.postgresPort });
  stops.push({ what: 'postgres', stop: () => postgres.stop() });
  return postgres;
}

/** The migration CLI, run to completion before any service starts; a failure stops the launch. */
async function migrate(settings: DistributedSettings, databaseUrl: string): Promise<void> {
  const cli = path.join(settings.repoRoot, 'packages/common/dist/migrate/cli.js');
  try {
    await run(process.execPath, [cli, '--dir', path.join(settings.repoRoot, 'migrations'), '--all', '--database-url', databaseUrl, 'up'], { maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const { stdout, stderr } = err as { stdout?: string; stderr?: string };
    throw new Error(`migrations failed:\n${stdout ?? ''}${stderr ?? ''}`);
  }
  settings.log('migrations applied (a step of its own, before any service)');
}

function spawnService(main: string, env: Record<string, string | undefined>, logFile: string): ChildProcess {
  if (!existsSync(main)) throw new Error(`${main} is missing: run make build first`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const child = spawn(process.execPath, [main], { env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  return child;
}

async function waitUntilReady(p: DistributedProcess & { child: ChildProcess }, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (p.child.exitCode !== null) throw new Error(`${p.name} exited with code ${p.child.exitCode} while starting:\n${tail(p.logFile)}`);
    const ready = await fetch(`${p.urls.http}/readyz`, { signal: AbortSignal.timeout(1_000) }).then((r) => r.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${p.name} was not ready after ${timeoutMs} ms:\n${tail(p.logFile)}`);
}

function rssMb(pid: number): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
