#!/usr/bin/env node
// Operator commands. `bootstrap-admin --email a@b.c [--name "..."]` creates the first admin of a fresh
// install (or re-activates and re-grants an existing one); needs DATABASE_URL of a migrated database.
import { parseArgs } from 'node:util';
import { runMain } from '@ecommerce/common/config';
import { BootstrapAdminUseCase } from './biz/bootstrap-admin.js';
import { createContainer } from './container.js';
import { openInfrastructure } from './infrastructure.js';

const USAGE = 'usage: ecommerce-user bootstrap-admin --email <email> [--name <name>]';

await runMain(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { email: { type: 'string' }, name: { type: 'string' } },
  });
  if (positionals[0] !== 'bootstrap-admin' || !values.email) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const infra = openInfrastructure({ ...process.env, BOOTSTRAP_ADMIN_EMAIL: values.email, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' });
  try {
    const container = createContainer(infra);
    const { user, created } = await container.get(BootstrapAdminUseCase).execute(infra.config.BOOTSTRAP_ADMIN_EMAIL!, values.name);
    process.stdout.write(`${created ? 'created' : 'ensured'} admin ${user.email} (id ${user.id})\n`);
  } finally {
    await infra.close();
  }
});
