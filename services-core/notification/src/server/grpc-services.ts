// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { NotificationServiceService } from '@ecommerce/proto/notification/v1/notification';
import { NotificationGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const notificationServiceRegistration: GrpcServiceRegistration = grpcService(NotificationServiceService, NotificationGrpcService, {
  createExample: STAFF,
});
