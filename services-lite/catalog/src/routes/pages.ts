import { parseBody, parseParams, parseQuery, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type RequestHandler } from 'express';
import type { PageRepository } from '../repositories/page-repository.js';
import { idParams, slugParams } from '../schemas/common.js';
import { createPageBody, listPagesQuery, updatePageBody } from '../schemas/page.js';

export interface PageRouteDeps {
  pages: PageRepository;
  staffOnly: RequestHandler;
}

/** CMS pages: staff manage drafts and schedules; the public reads published pages by slug. */
export function pageRoutes({ pages, staffOnly }: PageRouteDeps): Router {
  const router = Router();

  router.get('/pages/by-slug/:slug', async (req, res) => {
    const { slug } = parseParams(slugParams, req);
    sendOk(res, await pages.getPublishedBySlug(slug));
  });

  router.get('/pages', staffOnly, async (req, res) => {
    const query = parseQuery(listPagesQuery, req);
    const { items, total } = await pages.list(query);
    sendOk(res, items, { page: query.page, limit: query.limit, total });
  });

  router.get('/pages/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await pages.get(id));
  });

  router.post('/pages', staffOnly, async (req, res) => {
    sendCreated(res, await pages.create(parseBody(createPageBody, req)));
  });

  router.patch('/pages/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendOk(res, await pages.update(id, parseBody(updatePageBody, req)));
  });

  router.delete('/pages/:id', staffOnly, async (req, res) => {
    const { id } = parseParams(idParams, req);
    await pages.delete(id);
    res.status(204).end();
  });

  return router;
}
