// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { ReviewServiceService } from '@ecommerce/proto/review/v1/review';
import { ReviewGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const reviewServiceRegistration: GrpcServiceRegistration = grpcService(ReviewServiceService, ReviewGrpcService, {
  createExample: STAFF,
});
