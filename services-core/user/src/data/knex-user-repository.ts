// Staff users in PostgreSQL. Writes run in the unit of work's transaction; which events a change causes is
// decided by the use cases, not here.
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type ConstraintErrors, type Knex } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { UserRepository } from '../biz/repositories.js';
import type { NewUser, PageRequest, User, UserChanges, UserFilter, UserPage } from '../biz/user.js';
import { TOKENS } from '../tokens.js';
import { containsPattern, selectUsers, toUser, type UserRow } from './rows.js';

/** Any other constraint gets the shared mapping (common/db database-errors.ts). */
const WRITE_ERRORS: ConstraintErrors = {
  users_email_key: () => new AlreadyExistsError('a user with this email exists', 'email'),
};

@injectable()
export class KnexUserRepository implements UserRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, user: NewUser): Promise<User> {
    const trx = knexTransaction(tx);
    // A savepoint, so a unique violation leaves the caller's transaction usable.
    return withConstraintErrors(WRITE_ERRORS, () =>
      trx.transaction(async (sp) => {
        const [row] = await sp('users').insert({ email: user.email, name: user.name }).returning<{ id: string }[]>('id');
        const id = row!.id;
        if (user.roleIds.length > 0) {
          await sp('user_roles').insert(user.roleIds.map((roleId) => ({ user_id: id, role_id: roleId })));
        }
        return this.load(sp, id);
      }),
    );
  }

  get(id: string, tx?: Transaction): Promise<User> {
    return this.load(tx ? knexTransaction(tx) : this.db, id);
  }

  async findByEmail(email: string): Promise<User | undefined> {
    const row = await selectUsers(this.db).whereRaw('lower(u.email) = lower(?)', [email]).first<UserRow | undefined>();
    return row ? toUser(row) : undefined;
  }

  async update(tx: Transaction, id: string, changes: UserChanges): Promise<User> {
    const trx = knexTransaction(tx);
    return withConstraintErrors(WRITE_ERRORS, () =>
      trx.transaction(async (sp) => {
        const updated = await sp('users').where({ id }).whereNull('deleted_at').update(changes);
        if (updated === 0) throw new NotFoundError('user', id);
        return this.load(sp, id);
      }),
    );
  }

  async softDelete(tx: Transaction, id: string): Promise<Date> {
    const trx = knexTransaction(tx);
    const [row] = await trx('users').where({ id }).whereNull('deleted_at').update({ deleted_at: trx.fn.now() }).returning<{ deleted_at: Date }[]>('deleted_at');
    if (!row) throw new NotFoundError('user', id);
    return row.deleted_at;
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

  async assignRole(tx: Transaction, userId: string, roleId: string): Promise<boolean> {
    const inserted = await knexTransaction(tx)('user_roles').insert({ user_id: userId, role_id: roleId }).onConflict(['user_id', 'role_id']).ignore().returning('role_id');
    return inserted.length > 0;
  }

  async revokeRole(tx: Transaction, userId: string, roleId: string): Promise<boolean> {
    return (await knexTransaction(tx)('user_roles').where({ user_id: userId, role_id: roleId }).delete()) > 0;
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
