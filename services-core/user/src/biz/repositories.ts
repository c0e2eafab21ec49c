// What the use cases need from storage; data/ implements these, tests may bind others.
import type { Permission, NewRole, Role } from './role.js';
import type { NewUser, PageRequest, User, UserChanges, UserFilter, UserPage } from './user.js';

export interface UserRepository {
  /** Throws AlreadyExistsError (field `email`) when a live user has the email. */
  create(user: NewUser): Promise<User>;
  /** Throws NotFoundError for a missing or deleted user. */
  get(id: string): Promise<User>;
  findByEmail(email: string): Promise<User | undefined>;
  /** Throws NotFoundError, or AlreadyExistsError for a taken email. */
  update(id: string, changes: UserChanges): Promise<User>;
  /** Throws NotFoundError for a missing or already deleted user. */
  softDelete(id: string): Promise<void>;
  list(filter: UserFilter, page: PageRequest): Promise<UserPage>;
  /** Idempotent. */
  assignRole(userId: string, roleId: string): Promise<void>;
  /** Idempotent. */
  revokeRole(userId: string, roleId: string): Promise<void>;
  /** True when the live user holds `permission` through a role (status is checked by the caller). */
  hasPermission(userId: string, permission: string): Promise<boolean>;
}

export interface RoleRepository {
  /** Throws AlreadyExistsError (field `name`). */
  create(role: NewRole): Promise<Role>;
  /** Throws NotFoundError. */
  getByName(name: string): Promise<Role>;
  /** The roles found, by name; missing names are left out. */
  findByNames(names: string[]): Promise<Role[]>;
  list(): Promise<Role[]>;
  listPermissions(): Promise<Permission[]>;
}

export const USER_REPOSITORY = Symbol.for('user.UserRepository');
export const ROLE_REPOSITORY = Symbol.for('user.RoleRepository');
