// What the gRPC port serves and who may call each method. Reads: staff or admin; changes: admin only.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { UserServiceService } from '@ecommerce/proto/user/v1/user';
import { UserGrpcService } from '../service/user-service.js';

const READ: MethodAccess = ['staff', 'admin'];
const WRITE: MethodAccess = ['admin'];

export const userServiceRegistration: GrpcServiceRegistration = grpcService(UserServiceService, UserGrpcService, {
  createUser: WRITE,
  getUser: READ,
  updateUser: WRITE,
  deleteUser: WRITE,
  listUsers: READ,
  createRole: WRITE,
  listRoles: READ,
  listPermissions: READ,
  assignRole: WRITE,
  revokeRole: WRITE,
  checkPermission: READ,
});
