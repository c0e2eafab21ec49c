// Product endpoints: validate, call the use case, answer with the envelope. Public reads carry an ETag and
// Cache-Control and answer 304 to a caller that holds the current version; a cached read's body is serialised once.
import { CACHE_CONTROL, JsonBodyMemo, parseBody, parseParams, parseQuery, sendCreated, sendJsonBody, sendOk } from '@ecommerce/common/http';
import { ok } from '@ecommerce/common/models';
import type { Page } from '@ecommerce/common/models';
import { Router, type RequestHandler } from 'express';
import { idParams, slugParams } from '../schemas/common.js';
import { createProductBody, listProductsQuery, updateProductBody } from '../schemas/product.js';
import type { Product } from '../schemas/product.js';
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

  // A cached page is only ever read under its own query, so its page and limit are the same on every hit.
  const pageBodies = new JsonBodyMemo<Page<Product>>();
  const productBodies = new JsonBodyMemo<Product>();
  const productBody = (product: Product) => productBodies.body(product, (p) => ok(p));

  router.get('/products', staffForDeleted, async (req, res) => {
    const query = parseQuery(listProductsQuery, req);
    const page = await products.list(query);
    // The soft-deleted list is staff-only: requireRoles has marked it private, and it is not worth a memo.
    if (query.deleted) {
      sendOk(res, page.items, { page: query.page, limit: query.limit, total: page.total });
      return;
    }
    const body = pageBodies.body(page, ({ items, total }) => ok(items, { page: query.page, limit: query.limit, total }));
    sendJsonBody(req, res, body, CACHE_CONTROL.publicRevalidate);
  });

  router.get('/products/by-slug/:slug', async (req, res) => {
    const { slug } = parseParams(slugParams, req);
    sendJsonBody(req, res, productBody(await products.getBySlug(slug)), CACHE_CONTROL.publicRevalidate);
  });

  router.get('/products/:id', async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendJsonBody(req, res, productBody(await products.get(id)), CACHE_CONTROL.publicRevalidate);
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
