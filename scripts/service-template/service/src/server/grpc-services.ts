// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { __Name__ServiceService } from '@ecommerce/proto/__name__/v1/__name__';
import { __Name__GrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const __name__ServiceRegistration: GrpcServiceRegistration = grpcService(__Name__ServiceService, __Name__GrpcService, {
  createExample: STAFF,
});
