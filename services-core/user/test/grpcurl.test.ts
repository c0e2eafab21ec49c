// End to end with the real grpcurl binary, as an operator would use it: no .proto files on the client side.
// CI installs grpcurl (scripts/install-grpcurl.sh); where it is missing the test says so in its name and output.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const grpcurl = [path.join(repoRoot, '.cache/bin/grpcurl'), ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'grpcurl'))].find(
  (candidate) => existsSync(candidate),
);
const skipped = grpcurl ? '' : ' (skipped: grpcurl not installed; run scripts/install-grpcurl.sh)';
if (!grpcurl) process.stderr.write('grpcurl end-to-end test NOT RUN: grpcurl not installed (scripts/install-grpcurl.sh)\n');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(grpcurl!, args, { timeout: 15_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!grpcurl)(`grpcurl against the running user service${skipped}`, () => {
  let h: Harness;
  let target: string;
  beforeAll(async () => {
    h = await startHarness();
    target = h.service.urls.grpc!;
  });
  afterAll(() => h?.close());

  it('lists the services through reflection', async () => {
    const { code, stdout } = await run(['-plaintext', target, 'list']);
    expect(code).toBe(0);
    expect(stdout.split('\n')).toEqual(expect.arrayContaining(['ecommerce.user.v1.UserService', 'grpc.health.v1.Health']));
  });

  it('describes a method with its HTTP annotation', async () => {
    const { code, stdout } = await run(['-plaintext', target, 'describe', 'ecommerce.user.v1.UserService.GetUser']);
    expect(code).toBe(0);
    expect(stdout).toContain('rpc GetUser ( .ecommerce.user.v1.GetUserRequest ) returns ( .ecommerce.user.v1.GetUserResponse )');
    expect(stdout).toContain('/api/v1/users/{id}');
  });

  it('creates and reads a user with a JWT', async () => {
    const auth = ['-H', `authorization: Bearer ${h.tokens.admin}`];
    const created = await run(['-plaintext', ...auth, '-d', '{"email":"grpcurl@shop.test","name":"Grace","roles":["staff"]}', target, 'ecommerce.user.v1.UserService/CreateUser']);
    expect(created.code).toBe(0);
    const { user } = JSON.parse(created.stdout) as { user: { id: string; email: string; status: string; roles: string[] } };
    expect(user).toMatchObject({ email: 'grpcurl@shop.test', status: 'USER_STATUS_ACTIVE', roles: ['staff'] });
    const read = await run(['-plaintext', ...auth, '-d', JSON.stringify({ id: user.id }), target, 'ecommerce.user.v1.UserService/GetUser']);
    expect(JSON.parse(read.stdout)).toMatchObject({ user: { id: user.id, name: 'Grace' } });
  });

  it('shows INVALID_ARGUMENT naming the field for a bad id', async () => {
    const auth = ['-H', `authorization: Bearer ${h.tokens.staff}`];
    const { code, stderr } = await run(['-plaintext', ...auth, '-d', '{"id":"nope"}', target, 'ecommerce.user.v1.UserService/GetUser']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('Code: InvalidArgument');
    expect(stderr).toContain('id: must be a UUID');
    // the google.rpc.BadRequest detail, decoded by grpcurl through reflection
    expect(stderr).toContain('"field": "id"');
  });

  it('shows UNAUTHENTICATED without a token', async () => {
    const { code, stderr } = await run(['-plaintext', '-d', '{}', target, 'ecommerce.user.v1.UserService/ListRoles']);
    expect(code).not.toBe(0);
    expect(stderr).toContain('Code: Unauthenticated');
  });

  it('answers the health check', async () => {
    const { stdout } = await run(['-plaintext', target, 'grpc.health.v1.Health/Check']);
    expect(JSON.parse(stdout)).toEqual({ status: 'SERVING' });
  });
});
