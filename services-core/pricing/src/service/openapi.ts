// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto. Every RPC with a request schema belongs in `requests`.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { PricingServiceService } from '@ecommerce/proto/pricing/v1/pricing';
import type { z } from 'zod';
import { pricingServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof PricingServiceService]: z.ZodObject | undefined } = {
  calculatePrices: schemas.calculatePricesRequest,
  setBasePrice: schemas.setBasePriceRequest,
  getBasePrices: schemas.skuRequest,
  getPriceHistory: schemas.priceHistoryRequest,
  createPriceList: schemas.createPriceListRequest,
  updatePriceList: schemas.updatePriceListRequest,
  activatePriceList: schemas.priceListIdRequest,
  getPriceList: schemas.priceListIdRequest,
  listPriceLists: schemas.listPriceListsRequest,
  setPriceListPrice: schemas.setPriceListPriceRequest,
  createTaxClass: schemas.createTaxClassRequest,
  listTaxClasses: undefined,
  assignTaxClass: schemas.assignTaxClassRequest,
  setTaxRegion: schemas.setTaxRegionRequest,
  listTaxRegions: undefined,
};

/** Built once: the schemas do not change while the process runs. */
export const pricingOpenApi = rpcOpenApiFragment('pricing', pricingServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
