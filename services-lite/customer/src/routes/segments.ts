// Staff management of rule-based segments, under /customers/segments so the gateway's /api/v1/customers
// prefix reaches them. Registered before /customers/:id, which would otherwise take "segments" for an id.
import { parseBody, parseParams, parseQuery, sendCreated, sendOk } from '@ecommerce/common/http';
import { paginationQuery } from '@ecommerce/common/models';
import { Router, type RequestHandler } from 'express';
import type { SegmentRepository } from '../repositories/segment-repository.js';
import type { SegmentUseCases } from '../use-cases/manage-segments.js';
import { idParams } from '../schemas/common.js';
import { createSegmentBody, listSegmentsQuery, segmentRuleBody, segmentRuleParams } from '../schemas/segment.js';

export interface SegmentRouteDeps {
  segments: SegmentRepository;
  segmentAdmin: SegmentUseCases;
  staffOnly: RequestHandler;
}

export const SEGMENTS_PATH = '/customers/segments';

export function segmentRoutes({ segments, segmentAdmin, staffOnly }: SegmentRouteDeps): Router {
  const router = Router();
  router.use(SEGMENTS_PATH, staffOnly);

  router.get(SEGMENTS_PATH, async (req, res) => {
    const page = parseQuery(listSegmentsQuery, req);
    const { items, total } = await segments.list(page);
    sendOk(res, items, { page: page.page, limit: page.limit, total });
  });

  router.post(SEGMENTS_PATH, async (req, res) => {
    sendCreated(res, await segmentAdmin.create(parseBody(createSegmentBody, req)));
  });

  router.get(`${SEGMENTS_PATH}/:id`, async (req, res) => {
    sendOk(res, await segments.get(parseParams(idParams, req).id));
  });

  router.delete(`${SEGMENTS_PATH}/:id`, async (req, res) => {
    await segmentAdmin.delete(parseParams(idParams, req).id);
    res.status(204).end();
  });

  router.post(`${SEGMENTS_PATH}/:id/rules`, async (req, res) => {
    const { id } = parseParams(idParams, req);
    sendCreated(res, await segmentAdmin.addRule(id, parseBody(segmentRuleBody, req)));
  });

  router.delete(`${SEGMENTS_PATH}/:id/rules/:ruleId`, async (req, res) => {
    const { id, ruleId } = parseParams(segmentRuleParams, req);
    sendOk(res, await segmentAdmin.deleteRule(id, ruleId));
  });

  router.get(`${SEGMENTS_PATH}/:id/customers`, async (req, res) => {
    const { id } = parseParams(idParams, req);
    const page = parseQuery(paginationQuery, req);
    const { items, total } = await segments.members(id, page);
    sendOk(res, items, { page: page.page, limit: page.limit, total });
  });

  return router;
}
