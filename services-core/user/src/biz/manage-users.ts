// Creating, reading, changing and soft-deleting staff users.
import { inject, injectable } from 'inversify';
import { ValidationError } from '@ecommerce/common/errors';
import { ROLE_REPOSITORY, USER_REPOSITORY, type RoleRepository, type UserRepository } from './repositories.js';
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
  ) {}

  async create(input: CreateUserInput): Promise<User> {
    const roleIds = await this.resolveRoles(input.roles, 'roles');
    return this.users.create({ email: normalizeEmail(input.email), name: input.name.trim(), roleIds });
  }

  get(id: string): Promise<User> {
    return this.users.get(id);
  }

  update(id: string, changes: UserChanges): Promise<User> {
    const cleaned: UserChanges = { ...changes };
    if (cleaned.email !== undefined) cleaned.email = normalizeEmail(cleaned.email);
    if (cleaned.name !== undefined) cleaned.name = cleaned.name.trim();
    return this.users.update(id, cleaned);
  }

  delete(id: string): Promise<void> {
    return this.users.softDelete(id);
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
