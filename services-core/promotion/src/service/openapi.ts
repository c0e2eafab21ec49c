// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto. Every RPC with a request schema belongs in `requests`.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { PromotionServiceService } from '@ecommerce/proto/promotion/v1/promotion';
import type { z } from 'zod';
import { promotionServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof PromotionServiceService]: z.ZodObject | undefined } = {
  createPromotion: schemas.createPromotionRequest,
  updatePromotion: schemas.updatePromotionRequest,
  getPromotion: schemas.idRequest,
  listPromotions: schemas.listPromotionsRequest,
  activatePromotion: schemas.idRequest,
  deactivatePromotion: schemas.idRequest,
  createCampaign: schemas.createCampaignRequest,
  updateCampaign: schemas.updateCampaignRequest,
  getCampaign: schemas.idRequest,
  listCampaigns: schemas.listCampaignsRequest,
  activateCampaign: schemas.idRequest,
  deactivateCampaign: schemas.idRequest,
  createCode: schemas.createCodeRequest,
  generateCodes: schemas.generateCodesRequest,
  listCodes: schemas.listCodesRequest,
  getCode: schemas.getCodeRequest,
  evaluateCart: schemas.evaluateCartRequest,
  reserveUsage: schemas.reserveUsageRequest,
  commitUsage: schemas.usageReferenceRequest,
  releaseUsage: schemas.usageReferenceRequest,
};

/** Resources named in a body rather than the path: an unknown one is a 404 (a usage reservation, a campaign). */
const errors: Partial<Record<keyof typeof PromotionServiceService, number[]>> = {
  commitUsage: [404],
  createPromotion: [404],
};

/** Built once: the schemas do not change while the process runs. */
export const promotionOpenApi = rpcOpenApiFragment('promotion', promotionServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests, errors);
