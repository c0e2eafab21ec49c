import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Absolute path of `relative` inside the repository, found from this file's location. */
export function repoPath(relative: string): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    if (dir === path.dirname(dir)) throw new Error('cannot find the repository root');
    dir = path.dirname(dir);
  }
  return path.join(dir, relative);
}
