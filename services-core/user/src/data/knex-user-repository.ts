import { inject, injectable } from 'inversify';
import { PG_UNIQUE_VIOLATION, sqlState, type Knex } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import type { UserRepository } from '../biz/repositories.js';
import type { NewUser, PageRequest, User, UserChanges, UserFilter, UserPage } from '../biz/user.js';
import { TOKENS } from '../tokens.js';
import { containsPattern, selectUsers, toUser, type UserRow } from './rows.js';
import { recordUserEvent } from './user-events.js';

/** Every write records its user.user event in the outbox, in the transaction of the change. */
@injectable()
export class KnexUserRepository implements UserRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(user: NewUser): Promise<User> {
    try {
      return await this.db.transaction(async (trx) => {
        const [row] = await trx('users').insert({ email: user.email, name: user.name }).returning<{ id: string }[]>('id');
        const id = row!.id;
        if (user.roleIds.length > 0) {
          await trx('user_roles').insert(user.roleIds.map((roleId) => ({ user_id: id, role_id: roleId })));
        }
        const created = await this.load(trx, id);
        await recordUserEvent.created(trx, created);
        return created;
      });
    } catch (err) {
      throw translate(err);
    }
  }

  get(id: string): Promise<User> {
    return this.load(this.db, id);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await selectUsers(this.db).whereRaw('lower(u.email) = lower(?)', [email]).first<UserRow | undefined>();
    return row ? toUser(row) : undefined;
  }

  async update(id: string, changes: UserChanges): Promise<User> {
    if (Object.keys(changes).length === 0) return this.get(id);
    try {
      return await this.db.transaction(async (trx) => {
        const updated = await trx('users').where({ id }).whereNull('deleted_at').update(changes);
        if (updated === 0) throw new NotFoundError('user', id);
        const user = await this.load(trx, id);
        await recordUserEvent.updated(trx, user, Object.keys(changes).filter((k) => changes[k as keyof UserChanges] !== undefined).sort());
        return user;
      });
    } catch (err) {
      throw translate(err);
    }
  }

  async softDelete(id: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const [row] = await trx('users').where({ id }).whereNull('deleted_at').update({ deleted_at: trx.fn.now() }).returning<{ deleted_at: Date }[]>('deleted_at');
      if (!row) throw new NotFoundError('user', id);
      await recordUserEvent.deleted(trx, id, row.deleted_at);
    });
  }

  async list(filter: UserFilter, page: PageRequest): Promise<UserPage> {
    const matching = (q: Knex.QueryBuilder) => {
      q.whereNull('u.deleted_at');
      if (filter.status) q.where('u.status', filter.status);
      if (filter.query) {
        const pattern = containsPattern(filter.query);
        q.where((w) => w.whereILike('u.email', pattern).orWhereILike('u.name', pattern));
      }
      if (filter.role) {
        q.whereExists((sub) =>
          sub.select(this.db.raw('1')).from('user_roles as fr').join('roles as frr', 'frr.id', 'fr.role_id')
            .whereRaw('fr.user_id = u.id').where('frr.name', filter.role!),
        );
      }
      return q;
    };
    const [count] = await matching(this.db('users as u')).count<{ total: number }[]>({ total: '*' });
    const rows = await matching(selectUsers(this.db))
      .orderBy([{ column: 'u.created_at' }, { column: 'u.id' }])
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize);
    return { users: (rows as UserRow[]).map(toUser), total: Number(count?.total ?? 0) };
  }

  async assignRole(userId: string, roleId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const inserted = await trx('user_roles').insert({ user_id: userId, role_id: roleId }).onConflict(['user_id', 'role_id']).ignore().returning('role_id');
      if (inserted.length > 0) await recordUserEvent.roleAssigned(trx, await this.load(trx, userId), await roleName(trx, roleId));
    });
  }

  async revokeRole(userId: string, roleId: string): Promise<void> {
    await this.db.transaction(async (trx) => {
      const deleted = await trx('user_roles').where({ user_id: userId, role_id: roleId }).delete();
      if (deleted > 0) await recordUserEvent.roleRevoked(trx, await this.load(trx, userId), await roleName(trx, roleId));
    });
  }

  async hasPermission(userId: string, permission: string): Promise<boolean> {
    const row = await this.db('user_roles as ur')
      .join('role_permissions as rp', 'rp.role_id', 'ur.role_id')
      .where({ 'ur.user_id': userId, 'rp.permission': permission })
      .first(this.db.raw('1 AS found'));
    return row !== undefined;
  }

  private async load(db: Knex | Knex.Transaction, id: string): Promise<User> {
    const row = await selectUsers(db).where('u.id', id).first<UserRow | undefined>();
    if (!row) throw new NotFoundError('user', id);
    return toUser(row);
  }
}

async function roleName(trx: Knex.Transaction, roleId: string): Promise<string> {
  const row = await trx('roles').where({ id: roleId }).first<{ name: string } | undefined>('name');
  if (!row) throw new NotFoundError('role', roleId);
  return row.name;
}

function translate(err: unknown): unknown {
  if (sqlState(err) === PG_UNIQUE_VIOLATION) return new AlreadyExistsError('a user with this email exists', 'email');
  return err;
}
