// Creating, reading, changing and soft-deleting staff users.
import { inject, injectable } from 'inversify';
import { ValidationError } from '@ecommerce/common/errors';
import { ROLE_REPOSITORY, UNIT_OF_WORK, USER_REPOSITORY, type RoleRepository, type UserRepository, type UserUnitOfWork } from './repositories.js';
import { userEvents } from './user-events.js';
import { normalizeEmail, type PageRequest, type User, type UserChanges, type UserFilter, type UserPage } from './user.js';

export interface CreateUserInput {
  email: string;
  name: string;
  roles: string[];
}

@injectable()
export class ManageUsersUseCase {
  constructor(
    @inject(USER_REPOSITORY) private readonly users: UserRepository,
    @inject(ROLE_REPOSITORY) private readonly roles: RoleRepository,
    @inject(UNIT_OF_WORK) private readonly uow: UserUnitOfWork,
  ) {}

  async create(input: CreateUserInput): Promise<User> {
    const roleIds = await this.resolveRoles(input.roles, 'roles');
    return this.uow.run(async (tx, events) => {
      const user = await this.users.create(tx, { email: normalizeEmail(input.email), name: input.name.trim(), roleIds });
      userEvents.created(events, user);
      return user;
    });
  }

  get(id: string): Promise<User> {
    return this.users.get(id);
  }

  update(id: string, changes: UserChanges): Promise<User> {
    const cleaned: UserChanges = { ...changes };
    if (cleaned.email !== undefined) cleaned.email = normalizeEmail(cleaned.email);
    if (cleaned.name !== undefined) cleaned.name = cleaned.name.trim();
    const changedFields = Object.keys(cleaned).filter((k) => cleaned[k as keyof UserChanges] !== undefined).sort();
    if (changedFields.length === 0) return this.users.get(id);
    return this.uow.run(async (tx, events) => {
      const user = await this.users.update(tx, id, cleaned);
      userEvents.updated(events, user, changedFields);
      return user;
    });
  }

  async delete(id: string): Promise<void> {
    await this.uow.run(async (tx, events) => {
      userEvents.deleted(events, id, await this.users.softDelete(tx, id));
    });
  }

  list(filter: UserFilter, page: PageRequest): Promise<UserPage> {
    return this.users.list(filter, page);
  }

  /** Role names to ids; every unknown name is reported as `<field>[i]`. */
  private async resolveRoles(names: string[], field: string): Promise<string[]> {
    if (names.length === 0) return [];
    const found = new Map((await this.roles.findByNames(names)).map((r) => [r.name, r.id]));
    const missing = names.flatMap((name, i) => (found.has(name) ? [] : [{ field: `${field}[${i}]`, message: `unknown role ${name}` }]));
    if (missing.length > 0) throw new ValidationError(missing);
    return [...new Set(names.map((n) => found.get(n)!))];
  }
}
