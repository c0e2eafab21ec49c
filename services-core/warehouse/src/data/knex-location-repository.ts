// Stock locations in PostgreSQL.
import { inject, injectable } from 'inversify';
import { withConstraintErrors, type ConstraintErrors, type Knex } from '@ecommerce/common/db';
import { AlreadyExistsError, NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Location, LocationChanges, NewLocation } from '../biz/location.js';
import type { LocationRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';
import { toLocation, type LocationRow } from './rows.js';

const WRITE_ERRORS: ConstraintErrors = {
  locations_code_key: () => new AlreadyExistsError('a location with this code exists', 'code'),
};

/** Allocation order without a customer country: the README's strategy, step 2. */
const ORDER = ['priority', 'code'] as const;

@injectable()
export class KnexLocationRepository implements LocationRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, location: NewLocation): Promise<Location> {
    const trx = knexTransaction(tx);
    const [row] = await withConstraintErrors(WRITE_ERRORS, () => trx('locations').insert(location).returning<LocationRow[]>('*'));
    return toLocation(row!);
  }

  async update(tx: Transaction, id: string, changes: LocationChanges): Promise<Location> {
    const trx = knexTransaction(tx);
    const query = Object.keys(changes).length === 0 ? trx('locations').where({ id }).select('*') : trx('locations').where({ id }).update({ ...changes, updated_at: trx.fn.now() }).returning('*');
    const [row] = (await query) as LocationRow[];
    if (!row) throw new NotFoundError('location', id);
    return toLocation(row);
  }

  async list(): Promise<Location[]> {
    return ((await this.db('locations').orderBy([...ORDER])) as LocationRow[]).map(toLocation);
  }

  async listActive(tx: Transaction): Promise<Location[]> {
    return ((await knexTransaction(tx)('locations').where({ active: true }).orderBy([...ORDER])) as LocationRow[]).map(toLocation);
  }

  async findMany(ids: string[]): Promise<Map<string, Location>> {
    const rows = (await this.db('locations').whereIn('id', ids)) as LocationRow[];
    return new Map(rows.map((r) => [r.id, toLocation(r)]));
  }
}
