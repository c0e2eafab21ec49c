import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aCategory, createCategory, createProduct } from './builders.js';
import { useCatalogHarness } from './catalog-harness.js';

const h = useCatalogHarness();

/** Two root categories, each with a child, then A moved under B and B under A at the same time. */
async function raceOppositeMoves() {
  const a = await createCategory(h);
  const b = await createCategory(h);
  const aChild = await createCategory(h, { parentId: a.id });
  const bChild = await createCategory(h, { parentId: b.id });
  const [ab, ba] = await Promise.all([
    h.api.post(`/categories/${a.id}/move`, { parentId: b.id }, h.staffToken),
    h.api.post(`/categories/${b.id}/move`, { parentId: a.id }, h.staffToken),
  ]);
  return { a, b, aChild, bChild, ab, ba };
}

async function parentIds(): Promise<Map<string, string | null>> {
  const all: Array<{ id: string; parentId: string | null }> = (await h.api.get('/categories')).body.data;
  return new Map(all.map((c) => [c.id, c.parentId]));
}

/** The root above `id`, or undefined when walking up never reaches one (a cycle). */
function rootOf(id: string, parentOf: Map<string, string | null>): string | undefined {
  let cursor = id;
  for (let steps = 0; steps <= parentOf.size; steps++) {
    const parent = parentOf.get(cursor);
    if (parent === null) return cursor;
    if (parent === undefined) return undefined;
    cursor = parent;
  }
  return undefined;
}

describe('categories', () => {
  it('creates, reads, updates and deletes a category', async () => {
    const created = await h.api.post('/categories', aCategory({ description: 'All footwear', position: 3 }), h.staffToken);
    expect(created.status).toBe(201);
    const category = created.body.data;
    expect(category).toMatchObject({ parentId: null, description: 'All footwear', position: 3 });

    expect((await h.api.get(`/categories/${category.id}`)).body.data).toEqual(category);
    const updated = await h.api.patch(`/categories/${category.id}`, { name: 'Footwear' }, h.staffToken);
    expect(updated.body.data).toMatchObject({ name: 'Footwear', slug: category.slug });

    expect((await h.api.delete(`/categories/${category.id}`, h.staffToken)).status).toBe(204);
    expect((await h.api.get(`/categories/${category.id}`)).status).toBe(404);
  });

  it('lists categories flat by default and nested as a tree on request, ordered by position', async () => {
    const root = await createCategory(h, { position: 0 });
    const second = await createCategory(h, { parentId: root.id, position: 2 });
    const first = await createCategory(h, { parentId: root.id, position: 1 });

    const flat = await h.api.get('/categories');
    expect(flat.body.data.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([root.id, first.id, second.id]));
    const tree = await h.api.get('/categories?view=tree');
    const node = tree.body.data.find((c: { id: string }) => c.id === root.id);
    expect(node.children.map((c: { id: string }) => c.id)).toEqual([first.id, second.id]);
  });

  it('answers 409 naming slug for a duplicate slug', async () => {
    const existing = await createCategory(h);
    const res = await h.api.post('/categories', aCategory({ slug: existing.slug }), h.staffToken);
    expect(res.status).toBe(409);
    expect(res.body.error.details).toEqual([expect.objectContaining({ field: 'slug' })]);
  });

  it('answers 400 naming parentId when the parent does not exist', async () => {
    const res = await h.api.post('/categories', aCategory({ parentId: randomUUID() }), h.staffToken);
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ field: 'parentId', message: 'no such category' }]);
  });

  it('answers 400 naming an unknown field and 400 naming view', async () => {
    expect((await h.api.post('/categories', aCategory({ colour: 'red' }), h.staffToken)).body.error.details).toEqual([
      { field: 'colour', message: 'unknown field' },
    ]);
    expect((await h.api.get('/categories?view=graph')).body.error.details[0].field).toBe('view');
  });

  it('requires a staff token to write', async () => {
    expect((await h.api.post('/categories', aCategory())).status).toBe(401);
    expect((await h.api.post('/categories', aCategory(), h.customerToken)).status).toBe(403);
  });
});

describe('moving categories', () => {
  it('moves a category under another branch and to the top level', async () => {
    const shoes = await createCategory(h);
    const hats = await createCategory(h);
    const boots = await createCategory(h, { parentId: shoes.id });

    const moved = await h.api.post(`/categories/${boots.id}/move`, { parentId: hats.id, position: 5 }, h.staffToken);
    expect(moved.status).toBe(200);
    expect(moved.body.data).toMatchObject({ parentId: hats.id, position: 5 });
    const toRoot = await h.api.post(`/categories/${boots.id}/move`, { parentId: null }, h.staffToken);
    expect(toRoot.body.data.parentId).toBeNull();
  });

  it('refuses to move a category under itself with 422 and a clear message', async () => {
    const shoes = await createCategory(h);
    const res = await h.api.post(`/categories/${shoes.id}/move`, { parentId: shoes.id }, h.staffToken);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'FAILED_PRECONDITION', message: 'a category cannot be its own parent' });
  });

  it('refuses to move a category under its own descendant and leaves the tree unchanged', async () => {
    const shoes = await createCategory(h);
    const running = await createCategory(h, { parentId: shoes.id });
    const trail = await createCategory(h, { parentId: running.id });

    const res = await h.api.post(`/categories/${shoes.id}/move`, { parentId: trail.id }, h.staffToken);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('a category cannot be moved under one of its own descendants');
    expect(res.body.error.details).toEqual([{ field: 'parentId', message: 'is a descendant of the category' }]);
    expect((await h.api.get(`/categories/${shoes.id}`)).body.data.parentId).toBeNull();
  });

  it('applies the same refusal to a parentId change through PATCH', async () => {
    const shoes = await createCategory(h);
    const running = await createCategory(h, { parentId: shoes.id });
    const res = await h.api.patch(`/categories/${shoes.id}`, { parentId: running.id, name: 'Renamed' }, h.staffToken);
    expect(res.status).toBe(422);
    expect((await h.api.get(`/categories/${shoes.id}`)).body.data.name).toBe(shoes.name);
  });

  it('lets exactly one of two opposite concurrent moves take effect', async () => {
    const { a, b, ab, ba } = await raceOppositeMoves();
    expect([ab.status, ba.status].sort()).toEqual([200, 422]);
    const [moved, stayed] = ab.status === 200 ? [a, b] : [b, a];
    const parentOf = await parentIds();
    expect(parentOf.get(moved.id)).toBe(stayed.id);
    expect(parentOf.get(stayed.id)).toBeNull();
  });

  it('leaves a tree after two opposite concurrent moves: every category of both subtrees still reaches a root', async () => {
    const { a, b, aChild, bChild } = await raceOppositeMoves();
    const parentOf = await parentIds();
    for (const { id } of [a, b, aChild, bChild]) expect(rootOf(id, parentOf), `root of ${id}`).toBeDefined();
    expect(parentOf.get(aChild.id)).toBe(a.id);
    expect(parentOf.get(bChild.id)).toBe(b.id);
  });

  it('answers 404 when moving an unknown category', async () => {
    const parent = await createCategory(h);
    const res = await h.api.post(`/categories/${randomUUID()}/move`, { parentId: parent.id }, h.staffToken);
    expect(res.status).toBe(404);
  });
});

describe('deleting categories', () => {
  it('refuses to delete a category that has subcategories', async () => {
    const parent = await createCategory(h);
    await createCategory(h, { parentId: parent.id });
    const res = await h.api.delete(`/categories/${parent.id}`, h.staffToken);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/subcategories/);
  });

  it('refuses to delete a category that still has products', async () => {
    const category = await createCategory(h);
    await createProduct(h, { categoryId: category.id });
    const res = await h.api.delete(`/categories/${category.id}`, h.staffToken);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/products/);
  });
});
