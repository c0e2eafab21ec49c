// Category endpoints: validate, call the use case, answer with the envelope (flat, or as a tree on request).
import { parseBody, parseParams, parseQuery, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type RequestHandler } from 'express';
import { buildTree } from '../rules/category-tree.js';
import { createCategoryBody, listCategoriesQuery, moveCategoryBody, updateCategoryBody } from '../schemas/category.js';
import { idParams } from '../schemas/common.js';
import type { ManageCategoriesUseCase } from '../use-cases/manage-categories.js';

export interface CategoryRouteDeps {
  categories: ManageCategoriesUseCase;
  staffOnly: RequestHandler;
}

export function categoryRoutes({ categories, staffOnly }: CategoryRouteDeps): Router {
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
    sendCreated(res, await categories.create(parseBody(createCategoryBody, req)));
  });

  router.patch('/categories/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await categories.update(id, parseBody(updateCategoryBody, req)));
  });

  router.post('/categories/:id/move', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await categories.update(id, parseBody(moveCategoryBody, req)));
  });

  router.delete('/categories/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    await categories.delete(id);
    res.status(204).end();
  });

  return router;
}
