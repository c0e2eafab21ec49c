// `make up`: distributed mode on one machine (see distributed.ts). Prints where everything listens, how long the
// start took and each process's memory; Ctrl-C stops the services, then PostgreSQL, then Kafka.
import path from 'node:path';
import { stopOnSignals } from '@ecommerce/common/lifecycle';
import { startDistributed } from './distributed.js';
import { repoRoot } from './repo-root.js';

const log = (line: string) => process.stderr.write(`[up] ${line}\n`);
const root = repoRoot();
const started = Date.now();
const running = await startDistributed({
  repoRoot: root,
  // Apart from make dev's data: the two can be tried one after the other without sharing a database.
  dataDir: process.env.UP_DATA_DIR ?? path.join(root, '.data/up'),
  postgresPort: Number(process.env.UP_PG_PORT ?? 54330),
  ports: process.env.UP_PORTS === 'ephemeral' ? 'ephemeral' : 'default',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  log,
});
stopOnSignals(running.stop, log);

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
    '',
    'Development staff token (12 h; signed by the dev key in .data/up/dev-jwt, for write calls):',
    `  export TOKEN=${running.devStaffToken}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);
