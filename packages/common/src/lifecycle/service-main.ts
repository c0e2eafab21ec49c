// The process entry point of a service (`node dist/main.js`): distributed mode by default, one readable line
// and exit code 78 for bad configuration, and a clean stop on SIGINT/SIGTERM.
import type { z } from 'zod';
import { runMain } from '../config/load-config.js';
import { isMainModule, stopOnSignals } from './lifecycle.js';
import { runService, type ServiceBaseConfig, type ServiceDefinition } from './run-service.js';

/** Starts `definition` when the module at `importMetaUrl` is the script node was started with. */
export async function runServiceMain<S extends z.ZodObject, C extends ServiceBaseConfig>(
  importMetaUrl: string,
  definition: ServiceDefinition<S, C>,
): Promise<void> {
  if (!isMainModule(importMetaUrl)) return;
  await runMain(async () => {
    const service = await runService(definition, { ...process.env, RUN_MODE: process.env.RUN_MODE || 'distributed' });
    stopOnSignals(service.stop, (message) => process.stderr.write(`${definition.name}: ${message}\n`));
  });
}
