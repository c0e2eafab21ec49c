import { parseBody, parseParams, parseQuery, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type RequestHandler } from 'express';
import type { BrandRepository } from '../repositories/brand-repository.js';
import { createBrandBody, listBrandsQuery, updateBrandBody } from '../schemas/brand.js';
import { idParams } from '../schemas/common.js';

export interface BrandRouteDeps {
  brands: BrandRepository;
  staffOnly: RequestHandler;
}

// Product responses carry only brandId, so brand writes leave the product cache valid.
export function brandRoutes({ brands, staffOnly }: BrandRouteDeps): Router {
  const router = Router();

  router.get('/brands', async (req, res) => {
    const page = parseQuery(listBrandsQuery, req);
    const { items, total } = await brands.list(page);
    sendOk(res, items, { page: page.page, limit: page.limit, total });
  });

  router.get('/brands/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await brands.get(id));
  });

  router.post('/brands', staffOnly, async (req, res) => {
    sendCreated(res, await brands.create(parseBody(createBrandBody, req)));
  });

  router.patch('/brands/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await brands.update(id, parseBody(updateBrandBody, req)));
  });

  router.delete('/brands/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    await brands.delete(id);
    res.status(204).end();
  });

  return router;
}
