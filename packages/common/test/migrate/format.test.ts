import { describe, expect, it } from 'vitest';
import { formatAnsic, formatDuration, snakeCase, statusLine } from '../../src/migrate/index.js';

describe('goose-style output', () => {
  it('prints durations the way Go prints them after goose rounds them', () => {
    expect(formatDuration(12.3456)).toBe('12.35ms');
    expect(formatDuration(1500)).toBe('1.5s');
    expect(formatDuration(0.84012)).toBe('840.12µs');
  });

  it('prints applied-at times in ANSIC with a space-padded day', () => {
    expect(formatAnsic('2026-11-25 11:22:08.123456')).toBe('Wed Nov 25 11:22:08 2026');
    expect(formatAnsic('2026-12-01 09:00:00')).toBe('Tue Dec  1 09:00:00 2026');
  });

  it('aligns status rows under the goose header', () => {
    expect(statusLine('2026-11-25 11:22:08', '00001_a.sql')).toBe('    Wed Nov 25 11:22:08 2026 -- 00001_a.sql');
    expect(statusLine(undefined, '00002_b.sql')).toBe('    Pending                  -- 00002_b.sql');
  });

  it('names new files in snake case', () => {
    expect(snakeCase('AddBrands')).toBe('add_brands');
    expect(snakeCase(' add brand-logos ')).toBe('add_brand_logos');
  });
});
