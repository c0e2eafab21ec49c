// Reading the movement ledger (entries are written only by the stock level repository's `apply`).
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import type { MovementFilter, MovementRepository } from '../biz/ports.js';
import type { Movement } from '../biz/stock.js';
import { TOKENS } from '../tokens.js';
import { toMovement, type MovementRow } from './rows.js';

@injectable()
export class KnexMovementRepository implements MovementRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async list(filter: MovementFilter): Promise<Movement[]> {
    const q = this.db('stock_movements').orderBy('id', 'desc').limit(filter.limit);
    if (filter.sku) q.where('sku', filter.sku);
    if (filter.locationId) q.where('location_id', filter.locationId);
    if (filter.kind) q.where('kind', filter.kind);
    if (filter.beforeId) q.where('id', '<', filter.beforeId);
    return ((await q) as MovementRow[]).map(toMovement);
  }
}
