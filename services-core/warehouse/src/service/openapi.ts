// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler (warehouse-service.ts) validates the request with, which the gateway lays
// over the REST routes it reads from the proto.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { WarehouseServiceService } from '@ecommerce/proto/warehouse/v1/warehouse';
import type { z } from 'zod';
import { warehouseServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof WarehouseServiceService]: z.ZodObject | undefined } = {
  createLocation: schemas.createLocationRequest,
  updateLocation: schemas.updateLocationRequest,
  listLocations: undefined,
  setStockItem: schemas.setStockItemRequest,
  getStockItem: schemas.skuRequest,
  receiveStock: schemas.locationLinesRequest,
  expectStock: schemas.locationLinesRequest,
  returnStock: schemas.locationLinesRequest,
  adjustStock: schemas.adjustStockRequest,
  transferStock: schemas.transferStockRequest,
  listMovements: schemas.listMovementsRequest,
  reserve: schemas.reserveRequest,
  releaseReservation: schemas.referenceRequest,
  commitReservation: schemas.commitReservationRequest,
  getReservation: schemas.referenceRequest,
  getAvailability: schemas.getAvailabilityRequest,
};

/** Built once: the schemas do not change while the process runs. */
export const warehouseOpenApi = rpcOpenApiFragment('warehouse', warehouseServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
