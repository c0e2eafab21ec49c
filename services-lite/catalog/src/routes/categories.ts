import { parseBody, parseParams, parseQuery, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type RequestHandler } from 'express';
import type { ProductCache } from '../cache/product-cache.js';
import type { CategoryRepository } from '../repositories/category-repository.js';
import { buildTree } from '../rules/category-tree.js';
import { createCategoryBody, listCategoriesQuery, moveCategoryBody, updateCategoryBody } from '../schemas/category.js';
import { idParams } from '../schemas/common.js';

export interface CategoryRouteDeps {
  categories: CategoryRepository;
  /** Category changes alter which products a category filter returns. */
  productCache: ProductCache;
  staffOnly: RequestHandler;
}

export function categoryRoutes({ categories, productCache, staffOnly }: CategoryRouteDeps): Router {
  const router = Router();

  router.get('/categories', async (req, res) => {
    const { view } = parseQuery(listCategoriesQuery, req);
    const all = await categories.list();
    sendOk(res, view === 'tree' ? buildTree(all) : all);
  });

  router.get('/categories/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await categories.get(id));
  });

  router.post('/categories', staffOnly, async (req, res) => {
    const input = parseBody(createCategoryBody, req);
    sendCreated(res, await categories.create(input));
  });

  router.patch('/categories/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    const patch = parseBody(updateCategoryBody, req);
    const category = await categories.update(id, patch);
    await productCache.invalidate();
    sendOk(res, category);
  });

  router.post('/categories/:id/move', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    const move = parseBody(moveCategoryBody, req);
    const category = await categories.update(id, move);
    await productCache.invalidate();
    sendOk(res, category);
  });

  router.delete('/categories/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    await categories.delete(id);
    await productCache.invalidate();
    res.status(204).end();
  });

  return router;
}
