// `make up`: distributed mode on one machine (see distributed.ts). Prints where everything listens, how long the
// start took and each process's memory; Ctrl-C stops the services, then PostgreSQL, then Kafka.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { stopOnSignals } from '@ecommerce/common/lifecycle';
import { startDistributed } from './distributed.js';
import { jaegerBinary, startJaeger } from './jaeger.js';
import { repoRoot } from './repo-root.js';

const log = (line: string) => process.stderr.write(`[up] ${line}\n`);
const root = repoRoot();
const started = Date.now();
// Apart from make dev's data: the two can be tried one after the other without sharing a database.
const dataDir = process.env.UP_DATA_DIR ?? path.join(root, '.data/up');
// `make up JAEGER=1`: a real Jaeger on its usual ports (UI 16686, OTLP/HTTP 4318), every service exporting to it.
const jaegerAt = process.env.UP_JAEGER ? jaegerBinary(root) : undefined;
if (process.env.UP_JAEGER && !jaegerAt) throw new Error('UP_JAEGER is set but .cache/bin/jaeger is missing: run bash scripts/install-jaeger.sh');
await mkdir(dataDir, { recursive: true });
const jaeger = jaegerAt ? await startJaeger(jaegerAt, dataDir, { otlpHttp: 4318, query: 16686 }) : undefined;
const running = await startDistributed({
  repoRoot: root,
  dataDir,
  ...(jaeger ? { extraEnv: { OTEL_EXPORTER_OTLP_ENDPOINT: jaeger.otlpHttpEndpoint } } : {}),
  postgresPort: Number(process.env.UP_PG_PORT ?? 54330),
  ports: process.env.UP_PORTS === 'ephemeral' ? 'ephemeral' : 'default',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  log,
});
stopOnSignals(async () => {
  await running.stop();
  await jaeger?.stop();
}, log);

const gateway = running.processes.find((p) => p.name === 'gateway')!.urls.http!;
const total = running.processes.reduce((sum, p) => sum + (p.rssMb ?? 0), 0);
process.stdout.write(
  [
    '',
    `Distributed mode ready in ${((Date.now() - started) / 1000).toFixed(1)} s: ${running.processes.length} service processes on Kafka ${running.kafkaBrokers}.`,
    '  service        pid      RSS      addresses',
    ...running.processes.map(
      (p) => `  ${p.name.padEnd(14)} ${String(p.pid).padEnd(8)} ${`${p.rssMb ?? '?'} MiB`.padEnd(8)} ${Object.entries(p.urls).map(([kind, url]) => `${kind} ${url}`).join('   ')}`,
    ),
    `  (services ${total} MiB in total)`,
    `  postgres       ${running.postgresUrl}`,
    `  logs           ${path.dirname(running.processes[0]!.logFile)}/<service>.log`,
    '',
    `Gateway (every REST route): ${gateway}   docs ${gateway}/docs   OpenAPI ${gateway}/openapi.json`,
    ...(jaeger ? [`Jaeger query API (traces of every process; this build has no UI): ${jaeger.queryUrl}/api/traces?service=gateway&limit=20`] : ['Traces: make up JAEGER=1 starts a real Jaeger and exports every span to it']),
    '',
    'Development staff token (12 h; signed by the dev key in .data/up/dev-jwt, for write calls):',
    `  export TOKEN=${running.devStaffToken}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);
