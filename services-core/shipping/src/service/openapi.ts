// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto, so formats, ranges and roles are documented as enforced.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { ShippingServiceService } from '@ecommerce/proto/shipping/v1/shipping';
import type { z } from 'zod';
import { shippingServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof ShippingServiceService]: z.ZodObject | undefined } = {
  quoteRates: schemas.quoteRatesRequest,
  createZone: schemas.createZoneRequest,
  updateZone: schemas.updateZoneRequest,
  listZones: schemas.listZonesRequest,
  createOption: schemas.createOptionRequest,
  updateOption: schemas.updateOptionRequest,
  createShipment: schemas.createShipmentRequest,
  getShipment: schemas.shipmentIdRequest,
  listShipments: schemas.listShipmentsRequest,
  createLabel: schemas.shipmentIdRequest,
  markShipped: schemas.shipmentIdRequest,
  cancelShipment: schemas.cancelShipmentRequest,
  advanceTracking: schemas.advanceTrackingRequest,
  createReturn: schemas.createReturnRequest,
};

/** Built once: the schemas do not change while the process runs. */
export const shippingOpenApi = rpcOpenApiFragment('shipping', shippingServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
