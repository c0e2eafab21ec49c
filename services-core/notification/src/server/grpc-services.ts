// What the gRPC port serves and who may call each method: the service's table of contents. Ownership (a customer
// reads and changes only their own preferences) is checked by the use cases.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { NotificationServiceService } from '@ecommerce/proto/notification/v1/notification';
import { NotificationGrpcService } from '../service/notification-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const notificationServiceRegistration: GrpcServiceRegistration = grpcService(NotificationServiceService, NotificationGrpcService, {
  getPreferences: 'authenticated',
  updatePreferences: 'authenticated',
  listNotifications: STAFF,
  getNotification: STAFF,
  resendNotification: STAFF,
  previewTemplate: STAFF,
});
