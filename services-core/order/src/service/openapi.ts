// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { OrderServiceService } from '@ecommerce/proto/order/v1/order';
import type { z } from 'zod';
import { orderServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof OrderServiceService]: z.ZodObject | undefined } = {
  createCart: schemas.createCartRequest,
  getCart: schemas.cartRequest,
  addCartLine: schemas.addCartLineRequest,
  updateCartLine: schemas.updateCartLineRequest,
  removeCartLine: schemas.cartLineRequest,
  applyCoupon: schemas.couponRequest,
  removeCoupon: schemas.couponRequest,
  setShippingAddress: schemas.setShippingAddressRequest,
  selectShippingOption: schemas.selectShippingOptionRequest,
  mergeCart: schemas.mergeCartRequest,
  checkout: schemas.checkoutRequest,
  getOrder: schemas.orderIdRequest,
  listOrders: schemas.listOrdersRequest,
  cancelOrder: schemas.cancelOrderRequest,
  returnOrderLines: schemas.returnOrderLinesRequest,
};

/** Built once: the schemas do not change while the process runs. */
export const orderOpenApi = rpcOpenApiFragment('order', orderServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
