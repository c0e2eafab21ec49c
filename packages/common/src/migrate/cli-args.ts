// Command line of the migration CLI, as the Makefile calls it:
//   cli.js --dir migrations (--service X | --all) [--schema S] [--database-url URL] [--allow-missing] [--timestamp] <verb> [arg]
import { parseArgs } from 'node:util';
import { MIGRATION_VERBS, type MigrationVerb } from './commands.js';
import { MigrationUsageError } from './errors.js';

export interface CliArgs {
  /** Parent directory holding one sub-directory of migrations per service. */
  dir: string;
  /** One service, or undefined for --all. */
  service?: string;
  schema?: string;
  databaseUrl?: string;
  allowMissing: boolean;
  timestamp: boolean;
  command: MigrationVerb;
  args: string[];
}

export const USAGE = `usage: migrate [--dir migrations] (--service NAME | --all) [--schema NAME] [--database-url URL]
               [--allow-missing] [--timestamp] COMMAND [ARG]

commands: up, up-by-one, up-to VERSION, down, down-to VERSION, redo, reset, status, version,
          create NAME, validate
Without --database-url (or DATABASE_URL) the embedded PostgreSQL under .data/postgres is used.`;

export function parseCliArgs(argv: string[], env: Record<string, string | undefined> = process.env): CliArgs | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        dir: { type: 'string', default: 'migrations' },
        service: { type: 'string' },
        all: { type: 'boolean', default: false },
        schema: { type: 'string' },
        'database-url': { type: 'string' },
        'allow-missing': { type: 'boolean', default: false },
        timestamp: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new MigrationUsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) return 'help';
  const [command, ...args] = positionals;
  if (!command) throw new MigrationUsageError('missing COMMAND');
  if (!(MIGRATION_VERBS as readonly string[]).includes(command)) throw new MigrationUsageError(`unknown command ${JSON.stringify(command)}`);
  if (Boolean(values.service) === values.all) throw new MigrationUsageError('pass exactly one of --service NAME or --all');
  if (values.schema && values.all) throw new MigrationUsageError('--schema applies to one service: use it with --service');
  if (command === 'create' && values.all) throw new MigrationUsageError('create needs --service NAME');
  if ((command === 'up-to' || command === 'down-to' || command === 'create') && args.length !== 1) {
    throw new MigrationUsageError(`${command} takes exactly one argument`);
  }
  const databaseUrl = values['database-url'] || env.DATABASE_URL || undefined;
  return {
    dir: values.dir,
    ...(values.service ? { service: values.service } : {}),
    ...(values.schema ? { schema: values.schema } : {}),
    ...(databaseUrl ? { databaseUrl } : {}),
    allowMissing: values['allow-missing'],
    timestamp: values.timestamp,
    command: command as MigrationVerb,
    args,
  };
}
