// Roles and their permissions in PostgreSQL.
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type Knex } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { RoleRepository } from '../biz/repositories.js';
import type { NewRole, Permission, Role } from '../biz/role.js';
import { TOKENS } from '../tokens.js';
import { selectRoles, toRole, type RoleRow } from './rows.js';

@injectable()
export class KnexRoleRepository implements RoleRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, role: NewRole): Promise<Role> {
    // Only the role's name is worded here; any other constraint gets the shared mapping (common/db).
    const known = { roles_name_key: () => new AlreadyExistsError(`role ${role.name} exists`, 'name') };
    return withConstraintErrors(known, () =>
      knexTransaction(tx).transaction(async (trx) => {
        const [row] = await trx('roles').insert({ name: role.name, description: role.description }).returning<{ id: string }[]>('id');
        const id = row!.id;
        if (role.permissions.length > 0) {
          await trx('role_permissions').insert(role.permissions.map((permission) => ({ role_id: id, permission })));
        }
        const created = await selectRoles(trx).where('r.id', id).first<RoleRow>();
        return toRole(created);
      }),
    );
  }

  async getByName(name: string): Promise<Role> {
    const row = await selectRoles(this.db).where('r.name', name).first<RoleRow | undefined>();
    if (!row) throw new NotFoundError('role', name);
    return toRole(row);
  }

  async findByNames(names: string[]): Promise<Role[]> {
    const rows = await selectRoles(this.db).whereIn('r.name', names);
    return (rows as RoleRow[]).map(toRole);
  }

  async list(): Promise<Role[]> {
    const rows = await selectRoles(this.db).orderBy('r.name');
    return (rows as RoleRow[]).map(toRole);
  }

  async listPermissions(): Promise<Permission[]> {
    return this.db('permissions').select('name', 'description').orderBy('name');
  }
}
