#!/usr/bin/env node
// The goose-compatible migration CLI (`make migrate-*`). Exit codes: 0 ok, 1 a migration or database
// failure, 2 bad usage. See cli-args.ts for the command line.
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseCliArgs, USAGE, type CliArgs } from './cli-args.js';
import { runMigrationCommand } from './commands.js';
import { openCliDatabase } from './database.js';
import { MigrationUsageError } from './errors.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  let cli: CliArgs | 'help';
  try {
    cli = parseCliArgs(argv);
  } catch (err) {
    process.stderr.write(`goose: ${(err as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (cli === 'help') {
    print(USAGE);
    return 0;
  }
  const services = cli.service ? [cli.service] : await serviceDirectories(cli.dir);
  if (services.length === 0) {
    print(`goose: no service migration directories in ${cli.dir}`);
    return 0;
  }
  const needsDatabase = cli.command !== 'create' && cli.command !== 'validate';
  const database = needsDatabase ? await openCliDatabase(cli.databaseUrl) : undefined;
  try {
    for (const service of services) {
      if (!cli.service) print(`== ${service} ==`);
      await runMigrationCommand({
        ...(database ? { databaseUrl: database.url } : {}),
        service,
        dir: path.join(cli.dir, service),
        ...(cli.schema ? { schema: cli.schema } : {}),
        command: cli.command,
        args: cli.args,
        allowMissing: cli.allowMissing,
        timestamp: cli.timestamp,
        out: print,
      });
    }
    return 0;
  } catch (err) {
    process.stderr.write(`goose run: ${(err as Error).message ?? String(err)}\n`);
    return err instanceof MigrationUsageError ? 2 : 1;
  } finally {
    await database?.release();
  }
}

async function serviceDirectories(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

process.exitCode = await main(process.argv.slice(2));
