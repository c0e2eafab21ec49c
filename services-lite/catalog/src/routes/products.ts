// Product endpoints: validate, call the use case, answer with the envelope.
import { parseBody, parseParams, parseQuery, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type RequestHandler } from 'express';
import { idParams, slugParams } from '../schemas/common.js';
import { createProductBody, listProductsQuery, updateProductBody } from '../schemas/product.js';
import type { ManageProductsUseCase } from '../use-cases/manage-products.js';

export interface ProductRouteDeps {
  products: ManageProductsUseCase;
  staffOnly: RequestHandler;
}

export function productRoutes({ products, staffOnly }: ProductRouteDeps): Router {
  const router = Router();

  // Soft-deleted products are listed for staff only (`?deleted=true`); everyone else reads live ones.
  const staffForDeleted: RequestHandler = (req, res, next) =>
    req.query.deleted === 'true' ? staffOnly(req, res, next) : next();

  router.get('/products', staffForDeleted, async (req, res) => {
    const query = parseQuery(listProductsQuery, req);
    const { items, total } = await products.list(query);
    sendOk(res, items, { page: query.page, limit: query.limit, total });
  });

  router.get('/products/by-slug/:slug', async (req, res) => {
    const { slug } = parseParams(slugParams, req);
    sendOk(res, await products.getBySlug(slug));
  });

  router.get('/products/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await products.get(id));
  });

  router.post('/products', staffOnly, async (req, res) => {
    sendCreated(res, await products.create(parseBody(createProductBody, req)));
  });

  router.patch('/products/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await products.update(id, parseBody(updateProductBody, req)));
  });

  router.delete('/products/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    await products.delete(id);
    res.status(204).end();
  });

  router.post('/products/:id/restore', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await products.restore(id));
  });

  return router;
}
