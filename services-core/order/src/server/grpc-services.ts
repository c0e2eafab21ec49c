// What the gRPC port serves and who may call each method: the service's table of contents. Cart RPCs are public
// (guest carts answer to their token; a customer's cart to its customer, checked in biz); orders need a token.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { OrderServiceService } from '@ecommerce/proto/order/v1/order';
import { OrderGrpcService } from '../service/order-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const orderServiceRegistration: GrpcServiceRegistration = grpcService(OrderServiceService, OrderGrpcService, {
  createCart: 'public',
  getCart: 'public',
  addCartLine: 'public',
  updateCartLine: 'public',
  removeCartLine: 'public',
  applyCoupon: 'public',
  removeCoupon: 'public',
  setShippingAddress: 'public',
  selectShippingOption: 'public',
  mergeCart: 'authenticated',
  checkout: 'public',
  getOrder: 'authenticated',
  listOrders: 'authenticated',
  cancelOrder: 'authenticated',
  returnOrderLines: STAFF,
});
