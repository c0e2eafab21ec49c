// Answers "may this user do X?" for other services and the back office.
import { inject, injectable } from 'inversify';
import { USER_REPOSITORY, type UserRepository } from './repositories.js';
import { holdsPermissions } from './user.js';

@injectable()
export class CheckPermissionUseCase {
  constructor(@inject(USER_REPOSITORY) private readonly users: UserRepository) {}

  /** NotFoundError for an unknown or deleted user; false for a suspended one. */
  async execute(userId: string, permission: string): Promise<boolean> {
    const user = await this.users.get(userId);
    if (!holdsPermissions(user)) return false;
    return this.users.hasPermission(userId, permission);
  }
}
