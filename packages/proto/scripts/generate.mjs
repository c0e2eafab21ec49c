#!/usr/bin/env node
// Generates packages/proto/src/gen (ts-proto, for @grpc/grpc-js) and descriptors/ecommerce.binpb (for server
// reflection) from every .proto under <repo>/proto. The buf CLI and the ts-proto plugin come from node_modules,
// so nothing is downloaded. `--lint-only` runs `buf lint` and stops.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateEventCatalog } from './event-catalog.mjs';

const pkgDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(pkgDir, '../..');
const protoDir = path.join(repo, 'proto');
const buf = path.join(repo, 'node_modules/.bin/buf');
const lintOnly = process.argv.includes('--lint-only');

// Third-party protos come from npm packages and are copied beside ours (gitignored) because buf resolves
// imports only inside its module: the google.api.http annotations; google.rpc.BadRequest, so that reflection
// lets grpcurl print the field violations in error details; and grpc.health.v1, so that reflection describes
// the health service too. None of them is linted or generated.
const require = createRequire(import.meta.url);
const packageDir = (name) => path.dirname(require.resolve(`${name}/package.json`));
const vendored = [
  [path.join(packageDir('google-proto-files'), 'google/api/annotations.proto'), 'google/api/annotations.proto'],
  [path.join(packageDir('google-proto-files'), 'google/api/http.proto'), 'google/api/http.proto'],
  [path.join(packageDir('google-proto-files'), 'google/rpc/error_details.proto'), 'google/rpc/error_details.proto'],
  [path.join(packageDir('grpc-health-check'), 'proto/health/v1/health.proto'), 'grpc/health/v1/health.proto'],
];
for (const [from, to] of vendored) {
  mkdirSync(path.dirname(path.join(protoDir, to)), { recursive: true });
  copyFileSync(from, path.join(protoDir, to));
}

const run = (...args) => execFileSync(buf, args, { cwd: repo, stdio: 'inherit' });

run('lint', 'proto');
if (lintOnly) process.exit(0);

// Start clean so a deleted .proto leaves no stale module behind.
rmSync(path.join(pkgDir, 'src/gen'), { recursive: true, force: true });
run('generate', 'proto', '--template', 'proto/buf.gen.yaml', '--exclude-path', 'proto/google', '--exclude-path', 'proto/grpc');
mkdirSync(path.join(pkgDir, 'descriptors'), { recursive: true });
run('build', 'proto', '-o', path.join(pkgDir, 'descriptors/ecommerce.binpb'));
generateEventCatalog({ buf, repo, outFile: path.join(pkgDir, 'src/gen/event-catalog.ts') });
