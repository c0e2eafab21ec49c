import { defineConfig } from 'vitest/config';

// VITEST_CANARY=1 runs only the canary: a test that must fail, through this same configuration and
// global setup, so CI can prove that a red test makes the run exit non-zero (see `make canary`).
const canary = process.env.VITEST_CANARY === '1';
// VITEST_REPORT_FILE: also write the counts as JSON there, for CI's closing summary line.
const reportFile = process.env.VITEST_REPORT_FILE;

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources in tests: no stale dist/.
    conditions: ['@ecommerce/source'],
  },
  ssr: { resolve: { conditions: ['@ecommerce/source'] } },
  test: {
    include: canary
      ? ['packages/common/test/canary/*.canary.ts']
      : ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'services-*/*/test/**/*.test.ts', 'runner/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    globalSetup: ['packages/common/src/testing/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    ...(reportFile ? { reporters: ['default', ['json', { outputFile: reportFile }]] as never } : {}),
  },
});
