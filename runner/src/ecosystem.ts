// Embedded mode (DESIGN.md section 3): one process, a real PostgreSQL from npm, every service on its own port.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from '@ecommerce/common/db';
import { loadConfig } from '@ecommerce/common/config';
import { createEventTransport, eventsEnv } from '@ecommerce/common/events';
import { migrateUp } from '@ecommerce/common/migrate';
import { loadDevKeys } from './dev-keys.js';
import { assignPorts, serviceEnvironments } from './service-environments.js';
import { hostedServices, type StartedService } from './services.js';

export interface EcosystemSettings {
  repoRoot: string;
  /** Where PostgreSQL keeps its data; it survives restarts. */
  dataDir: string;
  postgresPort: number;
  /** `default`: each service on its DESIGN.md port (or <NAME>_HTTP_PORT); `ephemeral`: ports from the OS (tests). */
  ports: 'default' | 'ephemeral';
  logLevel: string;
  log(line: string): void;
}

export interface RunningEcosystem {
  postgresUrl: string;
  services: { name: string; urls: Record<string, string> }[];
  devStaffToken: string;
  stop(): Promise<void>;
}

export async function startEcosystem(settings: EcosystemSettings): Promise<RunningEcosystem> {
  // One event transport for every service: in-process, or one Kafka client when KAFKA_BROKERS is set.
  const transport = createEventTransport({ mode: 'embedded', env: loadConfig(eventsEnv, process.env), clientId: 'ecommerce-dev' });
  const postgres = await startEmbeddedPostgres({ dataDir: path.join(settings.dataDir, 'postgres'), port: settings.postgresPort });
  const started: { name: string; service: StartedService }[] = [];
  const stop = async () => {
    for (const { name, service } of started.reverse()) {
      await service.stop().catch((err: unknown) => settings.log(`stopping ${name} failed: ${String(err)}`));
    }
    await transport.close();
    await postgres.stop();
  };
  try {
    await migrateAll(settings, postgres);
    const keys = await loadDevKeys(path.join(settings.dataDir, 'dev-jwt'));
    const ports = await assignPorts(settings.ports);
    const environments = serviceEnvironments({ ports, databaseUrl: postgres.url, devPublicKeyPem: keys.publicKeyPem, logLevel: settings.logLevel });
    for (const hosted of hostedServices) {
      started.push({ name: hosted.name, service: await hosted.start(environments[hosted.name]!, { transport }) });
    }
    return {
      postgresUrl: postgres.url,
      services: started.map(({ name, service }) => ({ name, urls: service.urls })),
      devStaffToken: await keys.signStaffToken('dev-staff', ['staff', 'admin']),
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function migrateAll(settings: EcosystemSettings, postgres: RunningPostgres): Promise<void> {
  const dir = path.join(settings.repoRoot, 'migrations');
  const services = readdirSync(dir).filter((name) => statSync(path.join(dir, name)).isDirectory()).sort();
  for (const service of services) {
    await migrateUp({ databaseUrl: postgres.url, service, dir: path.join(dir, service), out: () => {} });
  }
  settings.log(`migrated ${services.join(', ')}`);
}
