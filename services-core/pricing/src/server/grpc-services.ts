// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { PricingServiceService } from '@ecommerce/proto/pricing/v1/pricing';
import { PricingGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const pricingServiceRegistration: GrpcServiceRegistration = grpcService(PricingServiceService, PricingGrpcService, {
  createExample: STAFF,
});
