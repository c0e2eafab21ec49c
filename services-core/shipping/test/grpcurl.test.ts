// The README's grpcurl examples with the real grpcurl binary, as an operator would type them: no .proto files on
// the client side. CI installs grpcurl (scripts/install-grpcurl.sh); where it is missing the test says so.
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

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(grpcurl!, args, { timeout: 15_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!grpcurl)(`grpcurl against the running shipping service${skipped}`, () => {
  let h: Harness;
  let target: string;
  let auth: string[];
  const call = (method: string, body: unknown, headers: string[] = auth) =>
    run(['-plaintext', ...headers, '-d', JSON.stringify(body), target, `ecommerce.shipping.v1.ShippingService/${method}`]);
  beforeAll(async () => {
    h = await startHarness();
    target = h.service.urls.grpc!;
    auth = ['-H', `authorization: Bearer ${h.tokens.staff}`];
  });
  afterAll(() => h?.close());

  it('creates a zone and a tiered option, then quotes anonymously as the README shows', async () => {
    const zone = await call('CreateZone', { name: 'Paris', countries: ['FR'], postcode_patterns: ['75*'] });
    expect(zone.code).toBe(0);
    const zoneId = (JSON.parse(zone.stdout) as { zone: { id: string } }).zone.id;
    const option = await call('CreateOption', {
      zone_id: zoneId,
      name: 'Colissimo',
      kind: 'weight_tiered',
      currency: 'EUR',
      weight_tiers: [{ max_weight_grams: 1000, amount_minor: 590 }, { max_weight_grams: 5000, amount_minor: 990 }],
      free_over_minor: 6000,
      min_days: 2,
      max_days: 3,
    });
    expect(option.code).toBe(0);

    const quote = await call('QuoteRates', { destination: { country: 'FR', postcode: '75011' }, weight_grams: 800, subtotal_minor: 2500, currency: 'EUR' }, []);
    expect(quote.code).toBe(0);
    // proto-JSON writes int64 as strings
    expect(JSON.parse(quote.stdout)).toMatchObject({ options: [{ name: 'Colissimo', kind: 'weight_tiered', amountMinor: '590', currency: 'EUR', minDays: 2, maxDays: 3 }] });
  });

  it('shows INVALID_ARGUMENT naming a malformed postcode pattern', async () => {
    const { code, stderr } = await call('CreateZone', { name: 'Bad', countries: ['FR'], postcode_patterns: ['7*5'] });
    expect(code).not.toBe(0);
    expect(stderr).toContain('Code: InvalidArgument');
    expect(stderr).toContain('"field": "postcode_patterns.0"');
  });
});
