// The user.user integration events the use cases decide (proto/events/v1/user.proto): the user as it is after
// the change, so consumers (auth's staff accounts) need no call back.
import { UserStatus, type UserSnapshot } from '@ecommerce/proto/events/v1/user';
import type { UserEvents } from './repositories.js';
import type { User } from './user.js';

const STATUS: Record<User['status'], UserStatus> = {
  active: UserStatus.USER_STATUS_ACTIVE,
  suspended: UserStatus.USER_STATUS_SUSPENDED,
};

function snapshot(user: User): UserSnapshot {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    status: STATUS[user.status],
    roles: user.roles,
    createTime: user.createdAt,
    updateTime: user.updatedAt,
  };
}

export const userEvents = {
  created: (events: UserEvents, user: User) => events.record('user.user.created', { subject: user.id, data: { user: snapshot(user) } }),
  updated: (events: UserEvents, user: User, changedFields: string[]) =>
    events.record('user.user.updated', { subject: user.id, data: { user: snapshot(user), changedFields } }),
  deleted: (events: UserEvents, userId: string, deleteTime: Date) =>
    events.record('user.user.deleted', { subject: userId, data: { userId, deleteTime } }),
  roleAssigned: (events: UserEvents, user: User, role: string) =>
    events.record('user.user.role_assigned', { subject: user.id, data: { userId: user.id, role, roles: user.roles } }),
  roleRevoked: (events: UserEvents, user: User, role: string) =>
    events.record('user.user.role_revoked', { subject: user.id, data: { userId: user.id, role, roles: user.roles } }),
};
