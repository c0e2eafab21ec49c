// biz objects <-> ts-proto messages; the only place that knows both.
import { UserStatus, type Permission as PermissionMessage, type Role as RoleMessage, type User as UserMessage } from '@ecommerce/proto/user/v1/user';
import type { Permission, Role } from '../biz/role.js';
import type { User, UserStatus as DomainStatus } from '../biz/user.js';

const TO_PROTO: Record<DomainStatus, UserStatus> = {
  active: UserStatus.USER_STATUS_ACTIVE,
  suspended: UserStatus.USER_STATUS_SUSPENDED,
};

/** For statuses validation already limited to ACTIVE or SUSPENDED. */
export function statusFromProto(status: UserStatus): DomainStatus {
  return status === UserStatus.USER_STATUS_SUSPENDED ? 'suspended' : 'active';
}

export function userToProto(user: User): UserMessage {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: TO_PROTO[user.status],
    roles: user.roles,
    createTime: user.createdAt,
    updateTime: user.updatedAt,
  };
}

export function roleToProto(role: Role): RoleMessage {
  return { id: role.id, name: role.name, description: role.description, permissions: role.permissions, createTime: role.createdAt };
}

export function permissionToProto(permission: Permission): PermissionMessage {
  return { name: permission.name, description: permission.description };
}
