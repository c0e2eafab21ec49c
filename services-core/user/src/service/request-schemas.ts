// Shapes every request must have before a use case sees it; zod paths are the ts-proto (camelCase) names.
import { z } from 'zod';
import { PERMISSION_PATTERN, ROLE_NAME_PATTERN } from '../biz/role.js';
import { UserStatus } from '@ecommerce/proto/user/v1/user';

const id = z.uuid({ message: 'must be a UUID' });
const email = z.email({ message: 'must be an email address' }).max(320);
const name = z.string().trim().min(1, 'must not be empty').max(200);
const roleName = z.string().regex(ROLE_NAME_PATTERN, 'must be 2-63 lower-case letters, digits or _, starting with a letter');
const permission = z.string().regex(PERMISSION_PATTERN, 'must look like resource.action');
const settableStatus = z.union([z.literal(UserStatus.USER_STATUS_ACTIVE), z.literal(UserStatus.USER_STATUS_SUSPENDED)], {
  message: 'must be USER_STATUS_ACTIVE or USER_STATUS_SUSPENDED',
});

export const createUserRequest = z.object({ email, name, roles: z.array(roleName).max(20) });
export const userIdRequest = z.object({ id });
export const updateUserRequest = z.object({
  id,
  email: email.optional(),
  name: name.optional(),
  status: settableStatus.optional(),
});
export const listUsersRequest = z.object({
  page: z.number().int().min(0, 'must not be negative'),
  pageSize: z.number().int().min(0, 'must not be negative').max(100, 'must be at most 100'),
  status: z.union([z.literal(UserStatus.USER_STATUS_UNSPECIFIED), settableStatus]),
  query: z.string().max(200),
  role: z.union([z.literal(''), roleName]),
});
export const createRoleRequest = z.object({
  name: roleName,
  description: z.string().max(500),
  permissions: z.array(permission).max(100),
});
export const roleAssignmentRequest = z.object({ userId: id, role: roleName });
export const checkPermissionRequest = z.object({ userId: id, permission });
