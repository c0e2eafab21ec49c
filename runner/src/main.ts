// `make dev`: start the whole ecosystem in one process and print where it listens. Ctrl-C stops it cleanly.
import path from 'node:path';
import { stopOnSignals } from '@ecommerce/common/lifecycle';
import { startDevMailSink } from './dev-mail.js';
import { startEcosystem } from './ecosystem.js';
import { repoRoot } from './repo-root.js';

const log = (line: string) => process.stderr.write(`[dev] ${line}\n`);

const root = repoRoot();
// DEV_DATA_DIR and DEV_PORTS=ephemeral run a second, throwaway ecosystem beside the usual one (and in tests).
const dataDir = process.env.DEV_DATA_DIR ?? path.join(root, '.data');
// Mail goes to an in-process SMTP sink (files under <data dir>/mail) unless SMTP_URL names a server, e.g. Mailpit.
const mail = process.env.SMTP_URL || process.env.NOTIFICATION_SMTP_URL ? undefined : await startDevMailSink({ dir: path.join(dataDir, 'mail'), log });
if (mail) process.env.NOTIFICATION_SMTP_URL = mail.url;
const ecosystem = await startEcosystem({
  repoRoot: root,
  dataDir,
  postgresPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
  ports: process.env.DEV_PORTS === 'ephemeral' ? 'ephemeral' : 'default',
  logLevel: process.env.LOG_LEVEL ?? 'info',
  log,
});
stopOnSignals(async () => {
  await ecosystem.stop();
  await mail?.stop();
}, log);

const lines = ecosystem.services.map(({ name, urls }) =>
  `  ${name.padEnd(14)} ${Object.entries(urls).map(([kind, url]) => `${kind} ${url}`).join('   ')}`,
);
const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
process.stdout.write(
  [
    '',
    `Ecosystem ready ${process.uptime().toFixed(1)} s after node started (RSS ${rssMb} MiB). Services:`,
    ...lines,
    `  postgres       ${ecosystem.postgresUrl}`,
    `  mail           ${mail ? `${mail.url} (each mail saved in ${mail.dir}, one log line per mail)` : `sent to ${process.env.SMTP_URL || process.env.NOTIFICATION_SMTP_URL}`}`,
    '',
    ...gatewayLines(),
    'Development staff token (12 h; signed by the dev key in .data/dev-jwt, for write calls):',
    `  export TOKEN=${ecosystem.devStaffToken}`,
    '',
    'Press Ctrl-C to stop.',
    '',
  ].join('\n'),
);

/** The one URL a newcomer needs: every REST route, its docs and its OpenAPI document. */
function gatewayLines(): string[] {
  const gateway = ecosystem.services.find((s) => s.name === 'gateway')?.urls.http;
  return gateway ? [`Gateway (every REST route): ${gateway}   docs ${gateway}/docs   OpenAPI ${gateway}/openapi.json`, ''] : [];
}
