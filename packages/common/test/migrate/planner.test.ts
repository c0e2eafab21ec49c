import { describe, expect, it } from 'vitest';
import { planDown, planUp, type AppliedMigration, type MigrationFile } from '../../src/migrate/index.js';

const files: MigrationFile[] = [1, 2, 3, 4].map((v) => ({ version: v, name: `0000${v}_m${v}.sql`, path: `/m/0000${v}_m${v}.sql` }));
const applied = (...versions: number[]) => new Map<number, AppliedMigration>(versions.map((v) => [v, { version: v, appliedAt: '' }]));
const names = (plan: MigrationFile[]) => plan.map((f) => f.version);

describe('planUp', () => {
  it('runs pending files in version order, limited by up-by-one and up-to', () => {
    expect(names(planUp(files, applied(1)))).toEqual([2, 3, 4]);
    expect(names(planUp(files, applied(1), { limit: 1 }))).toEqual([2]);
    expect(names(planUp(files, applied(1), { target: 3 }))).toEqual([2, 3]);
  });

  it('refuses versions lower than the current one that were never applied, listing them', () => {
    expect(() => planUp(files, applied(1, 4))).toThrow(/found 2 missing migrations before current version 4:\n\tversion 2: 00002_m2\.sql\n\tversion 3: 00003_m3\.sql/);
  });

  it('applies missing versions first when allowed', () => {
    expect(names(planUp(files, applied(1, 4), { allowMissing: true }))).toEqual([2, 3]);
  });
});

describe('planDown', () => {
  it('rolls back the newest applied version, or every version above a target', () => {
    expect(names(planDown(files, applied(1, 2, 3), { limit: 1 }))).toEqual([3]);
    expect(names(planDown(files, applied(1, 2, 3), { target: 1 }))).toEqual([3, 2]);
    expect(names(planDown(files, applied(1, 2, 3), { target: 0 }))).toEqual([3, 2, 1]);
  });

  it('refuses to roll back a version whose file is gone', () => {
    expect(() => planDown(files.slice(0, 2), applied(1, 2, 3), { limit: 1 })).toThrow(/version 3 is applied but no migration file/);
  });
});
