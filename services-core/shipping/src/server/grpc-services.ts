// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { ShippingServiceService } from '@ecommerce/proto/shipping/v1/shipping';
import { ShippingGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const shippingServiceRegistration: GrpcServiceRegistration = grpcService(ShippingServiceService, ShippingGrpcService, {
  createExample: STAFF,
});
