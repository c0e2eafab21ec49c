// Row shapes of the user schema and their mapping to domain objects; only data/ sees columns.
import type { Knex } from '@ecommerce/common/db';
import type { Role } from '../biz/role.js';
import type { User, UserStatus } from '../biz/user.js';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  status: UserStatus;
  roles: string[];
  created_at: Date;
  updated_at: Date;
}

export interface RoleRow {
  id: string;
  name: string;
  description: string;
  permissions: string[];
  created_at: Date;
}

/** users `u` with their role names. */
export function selectUsers(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('users as u')
    .select('u.id', 'u.email', 'u.name', 'u.status', 'u.created_at', 'u.updated_at')
    .select(
      db.raw(
        `coalesce((SELECT array_agg(r.name ORDER BY r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id
          WHERE ur.user_id = u.id), '{}') AS roles`,
      ),
    )
    .whereNull('u.deleted_at');
}

/** roles `r` with their permission names. */
export function selectRoles(db: Knex | Knex.Transaction): Knex.QueryBuilder {
  return db('roles as r')
    .select('r.id', 'r.name', 'r.description', 'r.created_at')
    .select(
      db.raw(
        `coalesce((SELECT array_agg(rp.permission ORDER BY rp.permission) FROM role_permissions rp
          WHERE rp.role_id = r.id), '{}') AS permissions`,
      ),
    );
}

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    status: row.status,
    roles: row.roles,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toRole(row: RoleRow): Role {
  return { id: row.id, name: row.name, description: row.description, permissions: row.permissions, createdAt: row.created_at };
}

/** A LIKE pattern matching `text` literally anywhere. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
