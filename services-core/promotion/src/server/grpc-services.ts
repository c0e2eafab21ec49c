// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { PromotionServiceService } from '@ecommerce/proto/promotion/v1/promotion';
import { PromotionGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const promotionServiceRegistration: GrpcServiceRegistration = grpcService(PromotionServiceService, PromotionGrpcService, {
  createExample: STAFF,
});
