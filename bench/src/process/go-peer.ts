// The Go Gin + pgx peer (bench/go): built once into .cache/bin (rebuilt when its sources are newer), started as a
// child process like every other bench server. Skipped, with the reason printed, when `go` is not on PATH.
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { promisify } from 'node:util';
import { repoPath } from '../repo-path.js';
import { startCommand, type ServerProcess } from './server-process.js';

const run = promisify(execFile);
const SOURCES = ['main.go', 'go.mod', 'go.sum'];

/** The built binary, or undefined (with the reason printed) when Go is not installed. */
export async function buildGoPeer(): Promise<string | undefined> {
  try {
    await run('go', ['version']);
  } catch {
    console.log('Go Gin + pgx peer: skipped, `go` is not on PATH');
    return undefined;
  }
  const dir = repoPath('bench/go');
  const binary = repoPath('.cache/bin/bench-gin-catalog');
  const built = existsSync(binary) ? statSync(binary).mtimeMs : 0;
  if (SOURCES.some((f) => statSync(`${dir}/${f}`).mtimeMs > built)) {
    await mkdir(repoPath('.cache/bin'), { recursive: true });
    console.log('building the Go Gin + pgx peer (bench/go) into .cache/bin');
    await run('go', ['build', '-o', binary, '.'], { cwd: dir, maxBuffer: 16 * 1024 * 1024 });
  }
  return binary;
}

export function startGoPeer(binary: string, databaseUrl: string, poolMax = 10): Promise<ServerProcess> {
  return startCommand(binary, [], { databaseUrl, schema: 'catalog', poolMax }, { label: 'Go Gin + pgx peer' });
}
