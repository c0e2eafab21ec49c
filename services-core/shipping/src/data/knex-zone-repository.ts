// Zones and options in PostgreSQL. Writes run in the unit of work's transaction.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { ZoneRepository } from '../biz/ports.js';
import type { NewOption, NewZone, OptionChanges, ShippingOption, Zone, ZoneChanges } from '../biz/zone.js';
import { TOKENS } from '../tokens.js';
import { toOption, toZone, type OptionRow, type ZoneRow } from './zone-rows.js';

@injectable()
export class KnexZoneRepository implements ZoneRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async create(tx: Transaction, zone: NewZone): Promise<Zone> {
    const trx = knexTransaction(tx);
    const [row] = await trx('shipping_zones')
      .insert({ name: zone.name, countries: zone.countries, provinces: zone.provinces, postcode_patterns: zone.postcodePatterns })
      .returning<ZoneRow[]>('*');
    return toZone(row!, []);
  }

  async update(tx: Transaction, id: string, changes: ZoneChanges): Promise<Zone> {
    const trx = knexTransaction(tx);
    const columns = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.countries !== undefined ? { countries: changes.countries } : {}),
      ...(changes.provinces !== undefined ? { provinces: changes.provinces } : {}),
      ...(changes.postcodePatterns !== undefined ? { postcode_patterns: changes.postcodePatterns } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    };
    const updated = await trx('shipping_zones').where({ id }).update({ ...columns, updated_at: trx.fn.now() });
    if (updated === 0) throw new NotFoundError('shipping zone', id);
    return this.get(id, tx);
  }

  async get(id: string, tx?: Transaction): Promise<Zone> {
    const db = tx ? knexTransaction(tx) : this.db;
    const row = await db('shipping_zones').where({ id }).first<ZoneRow | undefined>();
    if (!row) throw new NotFoundError('shipping zone', id);
    const options = await db('shipping_options').where({ zone_id: id }).orderBy('created_at').select<OptionRow[]>('*');
    return toZone(row, options.map(toOption));
  }

  list(): Promise<Zone[]> {
    return this.withOptions(this.db('shipping_zones').orderBy([{ column: 'created_at' }, { column: 'id' }]).select<ZoneRow[]>('*'));
  }

  /** One round trip (the cart quotes on every change): the zones with their active options aggregated as JSON. */
  async listActiveForCountry(country: string): Promise<Zone[]> {
    const { rows } = await this.db.raw<{ rows: (ZoneRow & { options: OptionRow[] })[] }>(
      `SELECT z.*, COALESCE(json_agg(o.* ORDER BY o.created_at, o.id) FILTER (WHERE o.id IS NOT NULL), '[]') AS options
         FROM shipping_zones z
         LEFT JOIN shipping_options o ON o.zone_id = z.id AND o.active
        WHERE z.active AND z.countries @> ARRAY[?]::text[]
        GROUP BY z.id`,
      [country],
    );
    return rows.map((row) => toZone(row, row.options.map(toOption)));
  }

  async createOption(tx: Transaction, option: NewOption): Promise<ShippingOption> {
    const [row] = await knexTransaction(tx)('shipping_options')
      .insert({
        zone_id: option.zoneId,
        name: option.name,
        kind: option.kind,
        currency: option.currency,
        amount_minor: option.amountMinor,
        weight_tiers: JSON.stringify(option.weightTiers),
        free_over_minor: option.freeOverMinor,
        min_days: option.minDays,
        max_days: option.maxDays,
      })
      .returning<OptionRow[]>('*');
    return toOption(row!);
  }

  async getOption(id: string, tx?: Transaction, options: { lock: boolean } = { lock: false }): Promise<ShippingOption> {
    const query = (tx ? knexTransaction(tx) : this.db)('shipping_options').where({ id });
    const row = await (options.lock ? query.forUpdate() : query).first<OptionRow | undefined>();
    if (!row) throw new NotFoundError('shipping option', id);
    return toOption(row);
  }

  async updateOption(tx: Transaction, id: string, changes: OptionChanges): Promise<ShippingOption> {
    const trx = knexTransaction(tx);
    const columns = {
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.amountMinor !== undefined ? { amount_minor: changes.amountMinor } : {}),
      ...(changes.weightTiers !== undefined ? { weight_tiers: JSON.stringify(changes.weightTiers) } : {}),
      ...(changes.freeOverMinor !== undefined ? { free_over_minor: changes.freeOverMinor } : {}),
      ...(changes.minDays !== undefined ? { min_days: changes.minDays } : {}),
      ...(changes.maxDays !== undefined ? { max_days: changes.maxDays } : {}),
      ...(changes.active !== undefined ? { active: changes.active } : {}),
    };
    const [row] = await trx('shipping_options').where({ id }).update({ ...columns, updated_at: trx.fn.now() }).returning<OptionRow[]>('*');
    if (!row) throw new NotFoundError('shipping option', id);
    return toOption(row);
  }

  private async withOptions(zoneQuery: Promise<ZoneRow[]>): Promise<Zone[]> {
    const rows = await zoneQuery;
    if (rows.length === 0) return [];
    const query = this.db('shipping_options').whereIn('zone_id', rows.map((r) => r.id)).orderBy([{ column: 'created_at' }, { column: 'id' }]);
    const options = (await query.select<OptionRow[]>('*')).map(toOption);
    return rows.map((row) => toZone(row, options));
  }
}
