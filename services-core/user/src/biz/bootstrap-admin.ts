// Makes a fresh install usable: ensures one active user with the admin role. Safe to run at every start.
import { inject, injectable } from 'inversify';
import { ROLE_REPOSITORY, UNIT_OF_WORK, USER_REPOSITORY, type RoleRepository, type UserRepository, type UserUnitOfWork } from './repositories.js';
import { ADMIN_ROLE } from './role.js';
import { userEvents } from './user-events.js';
import { normalizeEmail, type User } from './user.js';

export interface BootstrapResult {
  user: User;
  /** False when the user existed already (its admin role and active status are still ensured). */
  created: boolean;
}

@injectable()
export class BootstrapAdminUseCase {
  constructor(
    @inject(USER_REPOSITORY) private readonly users: UserRepository,
    @inject(ROLE_REPOSITORY) private readonly roles: RoleRepository,
    @inject(UNIT_OF_WORK) private readonly uow: UserUnitOfWork,
  ) {}

  async execute(email: string, name = 'Administrator'): Promise<BootstrapResult> {
    const admin = await this.roles.getByName(ADMIN_ROLE);
    const existing = await this.users.findByEmail(normalizeEmail(email));
    return this.uow.run(async (tx, events) => {
      if (!existing) {
        const user = await this.users.create(tx, { email: normalizeEmail(email), name, roleIds: [admin.id] });
        userEvents.created(events, user);
        return { user, created: true };
      }
      if (await this.users.assignRole(tx, existing.id, admin.id)) userEvents.roleAssigned(events, await this.users.get(existing.id, tx), admin.name);
      if (existing.status !== 'active') userEvents.updated(events, await this.users.update(tx, existing.id, { status: 'active' }), ['status']);
      return { user: await this.users.get(existing.id, tx), created: false };
    });
  }
}
