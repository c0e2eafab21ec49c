// Makes a fresh install usable: ensures one active user with the admin role. Safe to run at every start.
import { inject, injectable } from 'inversify';
import { ROLE_REPOSITORY, USER_REPOSITORY, type RoleRepository, type UserRepository } from './repositories.js';
import { ADMIN_ROLE } from './role.js';
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
  ) {}

  async execute(email: string, name = 'Administrator'): Promise<BootstrapResult> {
    const admin = await this.roles.getByName(ADMIN_ROLE);
    const existing = await this.users.findByEmail(normalizeEmail(email));
    if (!existing) {
      const user = await this.users.create({ email: normalizeEmail(email), name, roleIds: [admin.id] });
      return { user, created: true };
    }
    await this.users.assignRole(existing.id, admin.id);
    if (existing.status !== 'active') await this.users.update(existing.id, { status: 'active' });
    return { user: await this.users.get(existing.id), created: false };
  }
}
