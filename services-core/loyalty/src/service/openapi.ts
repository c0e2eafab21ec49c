// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto. Every RPC with a request schema belongs in `requests`.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { LoyaltyServiceService } from '@ecommerce/proto/loyalty/v1/loyalty';
import type { z } from 'zod';
import { loyaltyServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof LoyaltyServiceService]: z.ZodObject | undefined } = {
  getAccount: schemas.getAccountRequest,
  listLedger: schemas.listLedgerRequest,
  adjustPoints: schemas.adjustPointsRequest,
  getReferralCode: schemas.getReferralCodeRequest,
  applyReferralCode: schemas.applyReferralCodeRequest,
  reserveRedemption: schemas.reserveRedemptionRequest,
  commitRedemption: schemas.redemptionReferenceRequest,
  releaseRedemption: schemas.redemptionReferenceRequest,
};

export const loyaltyOpenApi = rpcOpenApiFragment('loyalty', loyaltyServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
