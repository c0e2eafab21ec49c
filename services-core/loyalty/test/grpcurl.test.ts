// The README's grpcurl walk-through with the real grpcurl binary, as an operator would run it: no .proto files on
// the client side (server reflection). CI installs grpcurl (scripts/install-grpcurl.sh); where it is missing the
// test says so in its name and output.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const grpcurl = [path.join(repoRoot, '.cache/bin/grpcurl'), ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'grpcurl'))].find((c) => existsSync(c));
const skipped = grpcurl ? '' : ' (skipped: grpcurl not installed; run scripts/install-grpcurl.sh)';
if (!grpcurl) process.stderr.write('loyalty grpcurl test NOT RUN: grpcurl not installed (scripts/install-grpcurl.sh)\n');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(grpcurl!, args, { timeout: 15_000 }, (err, stdout, stderr) => resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
  });
}

describe.skipIf(!grpcurl)(`grpcurl against the running loyalty service${skipped}`, () => {
  let h: Harness;
  let call: (token: string, method: string, body: object) => Promise<{ code: number; stdout: string; stderr: string }>;
  beforeAll(async () => {
    h = await startHarness();
    call = (token, method, body) =>
      run(['-plaintext', '-H', `authorization: Bearer ${token}`, '-d', JSON.stringify(body), h.service.urls.grpc!, `ecommerce.loyalty.v1.LoyaltyService/${method}`]);
  });
  afterAll(() => h?.close());

  it('credits points, pays part of a checkout with them and shows the account', async () => {
    const customerId = randomUUID();
    const reference = randomUUID();
    expect((await call(h.tokens.staff, 'AdjustPoints', { customer_id: customerId, points: '1500', reason: 'welcome gift' })).code).toBe(0);

    const reserved = await call(h.tokens.staff, 'ReserveRedemption', { reference, customer_id: customerId, points: '1000', currency: 'EUR' });
    expect(JSON.parse(reserved.stdout)).toEqual({ redemption: { reference, customerId, points: '1000', amountMinor: '1000', currency: 'EUR', status: 'reserved' } });
    const committed = await call(h.tokens.staff, 'CommitRedemption', { reference });
    expect(JSON.parse(committed.stdout).redemption.status).toBe('committed');

    const account = await call(h.tokens.staff, 'GetAccount', { customer_id: customerId });
    expect(JSON.parse(account.stdout).account).toMatchObject({ customerId, balance: '500', tier: { name: 'base', earnMultiplierPercent: 100 } });
  });

  it('shows INVALID_ARGUMENT naming the field for an unknown currency', async () => {
    const { code, stderr } = await call(h.tokens.staff, 'ReserveRedemption', { reference: 'r-1', customer_id: 'c-1', points: '100', currency: 'ABC' });
    expect(code).not.toBe(0);
    expect(stderr).toContain('Code: InvalidArgument');
    expect(stderr).toContain('"field": "currency"');
  });

  it("shows a customer's own account as `me`", async () => {
    const { code, stdout } = await call(h.tokens.customer, 'GetAccount', { customer_id: 'me' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).account).toMatchObject({ customerId: 'customer-1', referralCode: expect.stringMatching(/^[A-Z2-9]{10}$/) });
  });
});
