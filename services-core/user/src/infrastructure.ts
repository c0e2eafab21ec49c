// What the operator CLI opens to run a use case without the servers (logger, metrics, database, token
// verifier); the service itself starts through runService in main.ts.
import { loadConfig } from '@ecommerce/common/config';
import { createDatabase } from '@ecommerce/common/db';
import { verifierFromEnv } from '@ecommerce/common/http';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics, initTracing } from '@ecommerce/common/observability';
import type { Infrastructure } from './container.js';
import { USER_SCHEMA, userEnv } from './config.js';

export interface OpenedInfrastructure extends Infrastructure {
  close(): Promise<void>;
}

export function openInfrastructure(env: Record<string, string | undefined>): OpenedInfrastructure {
  const config = loadConfig(userEnv, env);
  const logger = createLogger({ service: 'user', level: config.LOG_LEVEL });
  const tracing = initTracing({ service: 'user', ...(config.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT } : {}) });
  const metrics = createMetrics('user');
  const db = createDatabase({ url: config.DATABASE_URL, schema: USER_SCHEMA, poolMax: config.DATABASE_POOL_MAX });
  // Quiet here: the CLI opens this too and needs no token; main.ts warns when the service runs without a key.
  const verifier = verifierFromEnv(config, () => {});
  return {
    config,
    logger,
    metrics,
    db,
    verifier,
    async close() {
      await db.destroy();
      await tracing.shutdown();
    },
  };
}
