// The user service's integration events (proto/events/v1/user.proto), recorded in the outbox inside the same
// transaction as the change that causes them. Only the data layer calls this: it owns the transactions.
import type { Knex } from '@ecommerce/common/db';
import { defineEventType, publishInTransaction } from '@ecommerce/common/events';
import {
  UserCreated,
  UserDeleted,
  UserRoleAssigned,
  UserRoleRevoked,
  UserStatus,
  UserUpdated,
  type UserSnapshot,
} from '@ecommerce/proto/events/v1/user';
import type { User } from '../biz/user.js';

export const USER_EVENT_SOURCE = '/ecommerce/user';

export const userEvents = {
  created: defineEventType('user.user.created', UserCreated),
  updated: defineEventType('user.user.updated', UserUpdated),
  deleted: defineEventType('user.user.deleted', UserDeleted),
  roleAssigned: defineEventType('user.user.role_assigned', UserRoleAssigned),
  roleRevoked: defineEventType('user.user.role_revoked', UserRoleRevoked),
};

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

const source = USER_EVENT_SOURCE;

export const recordUserEvent = {
  created: (trx: Knex.Transaction, user: User) =>
    publishInTransaction(trx, userEvents.created.create({ source, subject: user.id, data: { user: snapshot(user) } })),
  updated: (trx: Knex.Transaction, user: User, changedFields: string[]) =>
    publishInTransaction(trx, userEvents.updated.create({ source, subject: user.id, data: { user: snapshot(user), changedFields } })),
  deleted: (trx: Knex.Transaction, userId: string, deleteTime: Date) =>
    publishInTransaction(trx, userEvents.deleted.create({ source, subject: userId, data: { userId, deleteTime } })),
  roleAssigned: (trx: Knex.Transaction, user: User, role: string) =>
    publishInTransaction(trx, userEvents.roleAssigned.create({ source, subject: user.id, data: { userId: user.id, role, roles: user.roles } })),
  roleRevoked: (trx: Knex.Transaction, user: User, role: string) =>
    publishInTransaction(trx, userEvents.roleRevoked.create({ source, subject: user.id, data: { userId: user.id, role, roles: user.roles } })),
};
