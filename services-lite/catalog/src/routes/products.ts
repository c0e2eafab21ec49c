import { parseBody, parseParams, parseQuery, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type RequestHandler } from 'express';
import type { ProductCache } from '../cache/product-cache.js';
import type { ProductRepository } from '../repositories/product-repository.js';
import { idParams, slugParams } from '../schemas/common.js';
import { createProductBody, listProductsQuery, updateProductBody } from '../schemas/product.js';

export interface ProductRouteDeps {
  products: ProductRepository;
  productCache: ProductCache;
  staffOnly: RequestHandler;
}

export function productRoutes({ products, productCache, staffOnly }: ProductRouteDeps): Router {
  const router = Router();

  // Soft-deleted products are listed for staff only (`?deleted=true`); everyone else reads live ones.
  const staffForDeleted: RequestHandler = (req, res, next) =>
    req.query.deleted === 'true' ? staffOnly(req, res, next) : next();

  router.get('/products', staffForDeleted, async (req, res) => {
    const query = parseQuery(listProductsQuery, req);
    const { items, total } = await productCache.read('list', query, () => products.list(query));
    sendOk(res, items, { page: query.page, limit: query.limit, total });
  });

  router.get('/products/by-slug/:slug', async (req, res) => {
    const { slug } = parseParams(slugParams, req);
    sendOk(res, await productCache.read('slug', slug, () => products.getBySlug(slug)));
  });

  router.get('/products/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await productCache.read('id', id, () => products.get(id)));
  });

  router.post('/products', staffOnly, async (req, res) => {
    const product = await products.create(parseBody(createProductBody, req));
    await productCache.invalidate();
    sendCreated(res, product);
  });

  router.patch('/products/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    const product = await products.update(id, parseBody(updateProductBody, req));
    await productCache.invalidate();
    sendOk(res, product);
  });

  router.delete('/products/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    await products.softDelete(id);
    await productCache.invalidate();
    res.status(204).end();
  });

  router.post('/products/:id/restore', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    const product = await products.restore(id);
    await productCache.invalidate();
    sendOk(res, product);
  });

  return router;
}
