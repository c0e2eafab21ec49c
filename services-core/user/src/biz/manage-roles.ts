// Roles and the permissions they grant; assigning roles to users and taking them back.
import { inject, injectable } from 'inversify';
import { ValidationError } from '@ecommerce/common/errors';
import { ROLE_REPOSITORY, UNIT_OF_WORK, USER_REPOSITORY, type RoleRepository, type UserRepository, type UserUnitOfWork } from './repositories.js';
import type { NewRole, Permission, Role } from './role.js';
import type { User } from './user.js';
import { userEvents } from './user-events.js';

@injectable()
export class ManageRolesUseCase {
  constructor(
    @inject(USER_REPOSITORY) private readonly users: UserRepository,
    @inject(ROLE_REPOSITORY) private readonly roles: RoleRepository,
    @inject(UNIT_OF_WORK) private readonly uow: UserUnitOfWork,
  ) {}

  async createRole(input: NewRole): Promise<Role> {
    const known = new Set((await this.roles.listPermissions()).map((p) => p.name));
    const unknown = input.permissions.flatMap((name, i) =>
      known.has(name) ? [] : [{ field: `permissions[${i}]`, message: `unknown permission ${name}` }],
    );
    if (unknown.length > 0) throw new ValidationError(unknown);
    return this.uow.run((tx) => this.roles.create(tx, { ...input, permissions: [...new Set(input.permissions)] }));
  }

  listRoles(): Promise<Role[]> {
    return this.roles.list();
  }

  listPermissions(): Promise<Permission[]> {
    return this.roles.listPermissions();
  }

  /** Idempotent: assigning a role the user holds changes nothing. */
  async assign(userId: string, roleName: string): Promise<User> {
    await this.users.get(userId);
    const role = await this.roles.getByName(roleName);
    return this.uow.run(async (tx, events) => {
      const changed = await this.users.assignRole(tx, userId, role.id);
      const user = await this.users.get(userId, tx);
      if (changed) userEvents.roleAssigned(events, user, role.name);
      return user;
    });
  }

  /** Idempotent: revoking a role the user does not hold changes nothing. */
  async revoke(userId: string, roleName: string): Promise<User> {
    await this.users.get(userId);
    const role = await this.roles.getByName(roleName);
    return this.uow.run(async (tx, events) => {
      const changed = await this.users.revokeRole(tx, userId, role.id);
      const user = await this.users.get(userId, tx);
      if (changed) userEvents.roleRevoked(events, user, role.name);
      return user;
    });
  }
}
