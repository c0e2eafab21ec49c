#!/usr/bin/env node
// Generates packages/proto/src/gen (ts-proto, for @grpc/grpc-js) and descriptors/ecommerce.binpb (for server
// reflection) from every .proto under <repo>/proto. The buf CLI and the ts-proto plugin come from node_modules,
// so nothing is downloaded. `--lint-only` runs `buf lint` and stops.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(pkgDir, '../..');
const protoDir = path.join(repo, 'proto');
const buf = path.join(repo, 'node_modules/.bin/buf');
const lintOnly = process.argv.includes('--lint-only');

// google.api.http annotations come from the google-proto-files npm package; copied beside ours (gitignored)
// because buf resolves imports only inside its module.
const require = createRequire(import.meta.url);
const googleProtos = path.join(path.dirname(require.resolve('google-proto-files/package.json')), 'google/api');
mkdirSync(path.join(protoDir, 'google/api'), { recursive: true });
for (const file of ['annotations.proto', 'http.proto']) {
  copyFileSync(path.join(googleProtos, file), path.join(protoDir, 'google/api', file));
}

const run = (...args) => execFileSync(buf, args, { cwd: repo, stdio: 'inherit' });

run('lint', 'proto');
if (lintOnly) process.exit(0);

// Start clean so a deleted .proto leaves no stale module behind.
rmSync(path.join(pkgDir, 'src/gen'), { recursive: true, force: true });
run('generate', 'proto', '--template', 'proto/buf.gen.yaml', '--exclude-path', 'proto/google');
mkdirSync(path.join(pkgDir, 'descriptors'), { recursive: true });
run('build', 'proto', '-o', path.join(pkgDir, 'descriptors/ecommerce.binpb'));
