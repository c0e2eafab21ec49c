import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aPage, createPage } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

describe('CMS pages for staff', () => {
  it('creates a draft, edits it and deletes it', async () => {
    const created = await h.api.post('/pages', aPage({ title: 'About us' }), h.staffToken);
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ title: 'About us', status: 'draft', publishedAt: null });
    const page = created.body.data;

    expect((await h.api.get(`/pages/${page.id}`, h.staffToken)).body.data).toEqual(page);
    const edited = await h.api.patch(`/pages/${page.id}`, { body: 'We sell shoes.' }, h.staffToken);
    expect(edited.body.data).toMatchObject({ body: 'We sell shoes.', status: 'draft' });

    expect((await h.api.delete(`/pages/${page.id}`, h.staffToken)).status).toBe(204);
    expect((await h.api.get(`/pages/${page.id}`, h.staffToken)).status).toBe(404);
  });

  it('lists pages filtered by status with the total in meta', async () => {
    await createPage(h, { status: 'published' });
    await createPage(h);
    const res = await h.api.get('/pages?status=published&limit=100', h.staffToken);
    expect(res.status).toBe(200);
    expect(res.body.data.every((p: { status: string }) => p.status === 'published')).toBe(true);
    expect(res.body.meta.total).toBe(res.body.data.length);
  });

  it('keeps drafts and the staff listing away from the public and customers', async () => {
    const page = await createPage(h);
    expect((await h.api.get('/pages')).status).toBe(401);
    expect((await h.api.get(`/pages/${page.id}`, h.customerToken)).status).toBe(403);
    expect((await h.api.post('/pages', aPage(), h.customerToken)).status).toBe(403);
  });

  it('answers 409 naming slug for a duplicate slug and 400 naming bad fields', async () => {
    const page = await createPage(h);
    const duplicate = await h.api.post('/pages', aPage({ slug: page.slug }), h.staffToken);
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.details[0].field).toBe('slug');
    const bad = await h.api.post('/pages', aPage({ status: 'live', publishedAt: 'tomorrow' }), h.staffToken);
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { field: string }) => d.field).sort()).toEqual(['publishedAt', 'status']);
  });

  it('answers 404 for an unknown page', async () => {
    expect((await h.api.patch(`/pages/${randomUUID()}`, { title: 'x' }, h.staffToken)).status).toBe(404);
  });
});

describe('public page reads', () => {
  it('returns a published page by slug without a token', async () => {
    const page = await createPage(h, { status: 'published', body: 'Returns within 30 days.' });
    expect(page.publishedAt).not.toBeNull();
    const res = await h.api.get(`/pages/by-slug/${page.slug}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ slug: page.slug, body: 'Returns within 30 days.' });
  });

  it('answers 404 for a draft page', async () => {
    const page = await createPage(h);
    expect((await h.api.get(`/pages/by-slug/${page.slug}`)).status).toBe(404);
  });

  it('answers 404 for a page scheduled in the future, until it is rescheduled to the past', async () => {
    const future = new Date(Date.now() + 24 * 3600 * 1000).toISOString();
    const page = await createPage(h, { status: 'published', publishedAt: future });
    expect((await h.api.get(`/pages/by-slug/${page.slug}`)).status).toBe(404);

    const past = new Date(Date.now() - 60_000).toISOString();
    await h.api.patch(`/pages/${page.id}`, { publishedAt: past }, h.staffToken);
    expect((await h.api.get(`/pages/by-slug/${page.slug}`)).status).toBe(200);
  });

  it('hides a page again when it goes back to draft', async () => {
    const page = await createPage(h, { status: 'published' });
    await h.api.patch(`/pages/${page.id}`, { status: 'draft' }, h.staffToken);
    expect((await h.api.get(`/pages/by-slug/${page.slug}`)).status).toBe(404);
  });
});
