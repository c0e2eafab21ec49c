#!/usr/bin/env node
// Operator commands. `invite-staff --user-id <id> --email <email>` ensures the staff account of a user-service
// user and prints a fresh set-password invitation token (it is also published as auth.account.invited); the
// person redeems it with POST /api/v1/auth/invitations/accept. Needs DATABASE_URL of a migrated database.
import { parseArgs } from 'node:util';
import { loadConfig, runMain } from '@ecommerce/common/config';
import { createDatabase } from '@ecommerce/common/db';
import { z } from 'zod';
import { SERVICE_NAME } from './app.js';
import { authEnv } from './config.js';
import { inviteStaff } from './use-cases/invite-staff.js';

const USAGE = 'usage: ecommerce-auth invite-staff --user-id <uuid> --email <email>';

await runMain(async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { 'user-id': { type: 'string' }, email: { type: 'string' } },
  });
  const wellFormed = z.object({ userId: z.uuid(), email: z.email() }).safeParse({ userId: values['user-id'], email: values.email });
  if (positionals[0] !== 'invite-staff' || !wellFormed.success) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfig(authEnv, process.env);
  const db = createDatabase({ url: config.DATABASE_URL, schema: SERVICE_NAME, poolMax: 1 });
  try {
    const { token, created } = await inviteStaff(db, {
      userId: wellFormed.data.userId,
      email: wellFormed.data.email,
      invitationTtlSeconds: config.INVITATION_TTL_SECONDS,
    });
    process.stdout.write(`${created ? 'created' : 'found'} staff account ${wellFormed.data.email}; invitation token (single use):\n${token}\n`);
  } finally {
    await db.destroy();
  }
});
