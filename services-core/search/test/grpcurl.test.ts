// The README's grpcurl walk-through with the real grpcurl binary (no .proto files on the client side; the
// service's reflection describes it). CI installs grpcurl (scripts/install-grpcurl.sh); where it is missing the
// test says so in its name and output.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { aProduct, indexed } from './builders.js';
import { useHarness } from './harness.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const grpcurl = [path.join(repoRoot, '.cache/bin/grpcurl'), ...(process.env.PATH ?? '').split(':').map((d) => path.join(d, 'grpcurl'))].find((c) => existsSync(c));
const skipped = grpcurl ? '' : ' (skipped: grpcurl not installed; run scripts/install-grpcurl.sh)';
if (!grpcurl) process.stderr.write('search grpcurl test NOT RUN: grpcurl not installed (scripts/install-grpcurl.sh)\n');

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(grpcurl!, args, { timeout: 15_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe.skipIf(!grpcurl)(`grpcurl against the running search service${skipped}`, () => {
  const h = useHarness();
  const rpc = (name: string, body: unknown) => run(['-plaintext', '-d', JSON.stringify(body), h.service.urls.grpc!, `ecommerce.search.v1.SearchService/${name}`]);

  it('searches with a typo and a facet as the README shows', async () => {
    const mug = await indexed(h, aProduct({ name: 'Blue mug' }));

    const { code, stdout } = await rpc('SearchProducts', { query: 'blu mgu', facets: ['in_stock'] });

    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ products: [{ id: mug.id, name: 'Blue mug' }], facets: [{ name: 'in_stock', values: [{ value: 'false', count: '1' }] }], total: '1' });
  });

  it('shows INVALID_ARGUMENT naming the field for an unknown facet', async () => {
    const { code, stderr } = await rpc('SearchProducts', { query: 'mug', facets: ['colour'] });

    expect(code).not.toBe(0);
    expect(stderr).toContain('Code: InvalidArgument');
    expect(stderr).toContain('"field": "facets.0"');
  });
});
