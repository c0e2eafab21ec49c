// The repository root, found from wherever the runner's compiled file sits.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export function repoRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    if (dir === path.dirname(dir)) throw new Error('cannot find the repository root (pnpm-workspace.yaml)');
    dir = path.dirname(dir);
  }
  return dir;
}
