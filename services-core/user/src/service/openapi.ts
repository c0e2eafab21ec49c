// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler (user-service.ts) validates the request with. The gateway lays these
// over the REST routes it reads from the protos, so formats, patterns, lengths and roles are documented as enforced.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { UserServiceService } from '@ecommerce/proto/user/v1/user';
import type { z } from 'zod';
import { userServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

/** The request schema of every RPC that validates one (the same constants the handlers pass to `parseProtoRequest`). */
const requests: { [K in keyof typeof UserServiceService]: z.ZodObject | undefined } = {
  createUser: schemas.createUserRequest,
  getUser: schemas.userIdRequest,
  updateUser: schemas.updateUserRequest,
  deleteUser: schemas.userIdRequest,
  listUsers: schemas.listUsersRequest,
  createRole: schemas.createRoleRequest,
  listRoles: undefined,
  listPermissions: undefined,
  assignRole: schemas.roleAssignmentRequest,
  revokeRole: schemas.roleAssignmentRequest,
  checkPermission: schemas.checkPermissionRequest,
};

/** Built once: the schemas do not change while the process runs. */
export const userOpenApi = rpcOpenApiFragment('user', userServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
