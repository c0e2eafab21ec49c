// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { LoyaltyServiceService } from '@ecommerce/proto/loyalty/v1/loyalty';
import { LoyaltyGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const loyaltyServiceRegistration: GrpcServiceRegistration = grpcService(LoyaltyServiceService, LoyaltyGrpcService, {
  createExample: STAFF,
});
