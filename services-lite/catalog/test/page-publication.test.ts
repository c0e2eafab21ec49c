import { describe, expect, it } from 'vitest';
import { resolvePublication } from '../src/rules/page-publication.js';

const now = new Date('2026-01-15T10:00:00.000Z');

describe('resolvePublication', () => {
  it('keeps a new page a draft without a date by default', () => {
    expect(resolvePublication(null, {}, now)).toEqual({ status: 'draft', publishedAt: null });
  });

  it('publishes now when a page is published without a date', () => {
    expect(resolvePublication(null, { status: 'published' }, now)).toEqual({ status: 'published', publishedAt: now });
  });

  it('keeps a given future date so the page is scheduled', () => {
    const later = '2026-02-01T00:00:00.000Z';
    expect(resolvePublication(null, { status: 'published', publishedAt: later }, now).publishedAt).toEqual(new Date(later));
  });

  it('keeps the original publication date when an already published page is edited', () => {
    const first = new Date('2025-12-01T00:00:00.000Z');
    expect(resolvePublication({ status: 'published', publishedAt: first }, {}, now)).toEqual({ status: 'published', publishedAt: first });
  });

  it('dates a page published again after its date was cleared', () => {
    expect(resolvePublication({ status: 'draft', publishedAt: null }, { status: 'published' }, now).publishedAt).toEqual(now);
  });
});
