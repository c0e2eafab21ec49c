// What the use cases need from storage and from the unit of work; data/ implements these, tests may bind others.
// Writes take the unit of work's transaction, so a use case's changes and the events it decides commit together.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Permission, NewRole, Role } from './role.js';
import type { NewUser, PageRequest, User, UserChanges, UserFilter, UserPage } from './user.js';

export interface UserRepository {
  /** Throws AlreadyExistsError (field `email`) when a live user has the email. */
  create(tx: Transaction, user: NewUser): Promise<User>;
  /** Throws NotFoundError for a missing or deleted user. */
  get(id: string, tx?: Transaction): Promise<User>;
  findByEmail(email: string): Promise<User | undefined>;
  /** Throws NotFoundError, or AlreadyExistsError for a taken email. */
  update(tx: Transaction, id: string, changes: UserChanges): Promise<User>;
  /** The deletion time; throws NotFoundError for a missing or already deleted user. */
  softDelete(tx: Transaction, id: string): Promise<Date>;
  list(filter: UserFilter, page: PageRequest): Promise<UserPage>;
  /** False when the user held the role already. */
  assignRole(tx: Transaction, userId: string, roleId: string): Promise<boolean>;
  /** False when the user did not hold the role. */
  revokeRole(tx: Transaction, userId: string, roleId: string): Promise<boolean>;
  /** True when the live user holds `permission` through a role (status is checked by the caller). */
  hasPermission(userId: string, permission: string): Promise<boolean>;
}

export interface RoleRepository {
  /** Throws AlreadyExistsError (field `name`). */
  create(tx: Transaction, role: NewRole): Promise<Role>;
  /** Throws NotFoundError. */
  getByName(name: string): Promise<Role>;
  /** The roles found, by name; missing names are left out. */
  findByNames(names: string[]): Promise<Role[]>;
  list(): Promise<Role[]>;
  listPermissions(): Promise<Permission[]>;
}

/** The user service may emit its own event types only (`user.*`). */
export type UserEventType = EmittableBy<EventCatalog, 'user'>;
export type UserUnitOfWork = UnitOfWork<EventCatalog, UserEventType>;
export type UserEvents = EventRecorder<EventCatalog, UserEventType>;

export const USER_REPOSITORY = Symbol.for('user.UserRepository');
export const ROLE_REPOSITORY = Symbol.for('user.RoleRepository');
export const UNIT_OF_WORK = Symbol.for('user.UnitOfWork');
