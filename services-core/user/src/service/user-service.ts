// gRPC handlers of ecommerce.user.v1.UserService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type CallContext, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/user/v1/user';
import { UserStatus, type UserServiceService } from '@ecommerce/proto/user/v1/user';
import { CheckPermissionUseCase } from '../biz/check-permission.js';
import { ManageRolesUseCase } from '../biz/manage-roles.js';
import { ManageUsersUseCase } from '../biz/manage-users.js';
import { permissionToProto, roleToProto, statusFromProto, userToProto } from './mappers.js';
import * as schemas from './request-schemas.js';

const DEFAULT_PAGE_SIZE = 20;

@injectable()
export class UserGrpcService implements UnaryHandlers<typeof UserServiceService> {
  constructor(
    @inject(ManageUsersUseCase) private readonly users: ManageUsersUseCase,
    @inject(ManageRolesUseCase) private readonly roles: ManageRolesUseCase,
    @inject(CheckPermissionUseCase) private readonly permissions: CheckPermissionUseCase,
  ) {}

  async createUser(request: pb.CreateUserRequest): Promise<pb.CreateUserResponse> {
    const input = parseProtoRequest(schemas.createUserRequest, request);
    return { user: userToProto(await this.users.create(input)) };
  }

  async getUser(request: pb.GetUserRequest): Promise<pb.GetUserResponse> {
    const { id } = parseProtoRequest(schemas.userIdRequest, request);
    return { user: userToProto(await this.users.get(id)) };
  }

  async updateUser(request: pb.UpdateUserRequest): Promise<pb.UpdateUserResponse> {
    const { id, email, name, status } = parseProtoRequest(schemas.updateUserRequest, request);
    const changes = {
      ...(email !== undefined ? { email } : {}),
      ...(name !== undefined ? { name } : {}),
      ...(status !== undefined ? { status: statusFromProto(status) } : {}),
    };
    return { user: userToProto(await this.users.update(id, changes)) };
  }

  async deleteUser(request: pb.DeleteUserRequest): Promise<pb.DeleteUserResponse> {
    const { id } = parseProtoRequest(schemas.userIdRequest, request);
    await this.users.delete(id);
    return {};
  }

  async listUsers(request: pb.ListUsersRequest, ctx: CallContext): Promise<pb.ListUsersResponse> {
    const query = parseProtoRequest(schemas.listUsersRequest, request);
    const page = query.page || 1;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    const filter = {
      ...(query.status !== UserStatus.USER_STATUS_UNSPECIFIED ? { status: statusFromProto(query.status) } : {}),
      ...(query.query ? { query: query.query } : {}),
      ...(query.role ? { role: query.role } : {}),
    };
    ctx.signal.throwIfAborted();
    const result = await this.users.list(filter, { page, pageSize });
    return { users: result.users.map(userToProto), page, pageSize, total: result.total };
  }

  async createRole(request: pb.CreateRoleRequest): Promise<pb.CreateRoleResponse> {
    const input = parseProtoRequest(schemas.createRoleRequest, request);
    return { role: roleToProto(await this.roles.createRole(input)) };
  }

  async listRoles(): Promise<pb.ListRolesResponse> {
    return { roles: (await this.roles.listRoles()).map(roleToProto) };
  }

  async listPermissions(): Promise<pb.ListPermissionsResponse> {
    return { permissions: (await this.roles.listPermissions()).map(permissionToProto) };
  }

  async assignRole(request: pb.AssignRoleRequest): Promise<pb.AssignRoleResponse> {
    const { userId, role } = parseProtoRequest(schemas.roleAssignmentRequest, request);
    return { user: userToProto(await this.roles.assign(userId, role)) };
  }

  async revokeRole(request: pb.RevokeRoleRequest): Promise<pb.RevokeRoleResponse> {
    const { userId, role } = parseProtoRequest(schemas.roleAssignmentRequest, request);
    return { user: userToProto(await this.roles.revoke(userId, role)) };
  }

  async checkPermission(request: pb.CheckPermissionRequest): Promise<pb.CheckPermissionResponse> {
    const { userId, permission } = parseProtoRequest(schemas.checkPermissionRequest, request);
    return { allowed: await this.permissions.execute(userId, permission) };
  }
}
