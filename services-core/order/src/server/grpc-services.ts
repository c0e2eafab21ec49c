// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { OrderServiceService } from '@ecommerce/proto/order/v1/order';
import { OrderGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const orderServiceRegistration: GrpcServiceRegistration = grpcService(OrderServiceService, OrderGrpcService, {
  createExample: STAFF,
});
