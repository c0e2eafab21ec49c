import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Workspace packages resolve to their TypeScript sources in tests: no stale dist/.
    conditions: ['@ecommerce/source'],
  },
  ssr: { resolve: { conditions: ['@ecommerce/source'] } },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'services-*/*/test/**/*.test.ts', 'runner/test/**/*.test.ts'],
    globalSetup: ['packages/common/src/testing/postgres-global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
