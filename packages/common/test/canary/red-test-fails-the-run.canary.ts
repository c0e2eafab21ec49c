// The CI canary: this test fails on purpose and is never part of the normal run (see vitest.config.ts).
// `make canary` runs it and fails when vitest exits 0, because then no red test could ever fail CI.
// It uses the test database like every other suite, so the same global setup (embedded PostgreSQL,
// whose package once forced exit code 0) is loaded and exercised.
import { describe, expect, it } from 'vitest';
import { createTestDatabase, postgresAdminUrl } from '../../src/testing/index.js';

describe('canary', () => {
  it('fails on purpose: CI must see this run exit non-zero', async () => {
    const db = await createTestDatabase(postgresAdminUrl(), 'canary');
    await db.drop();
    expect(1).toBe(2);
  });
});
