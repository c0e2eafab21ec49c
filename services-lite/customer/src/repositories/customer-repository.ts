// Customer profiles. Writes run in the use case's unit of work, which locks the row first and decides the
// events; deleted (erased) profiles are invisible to every write.
import { NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import { offsetOf, type Page } from '@ecommerce/common/models';
import type { Knex } from 'knex';
import type { Customer, CustomerFilter, CustomerPatch } from '../schemas/customer.js';
import { toColumns, toCustomer, type CustomerRow } from './rows.js';

/** What an erased profile keeps in place of personal data; `.invalid` can never be a real mailbox. */
const ERASED = '[erased]';
const erasedEmail = (id: string) => `erased-${id}@erased.invalid`;

export interface Registration {
  id: string;
  email: string;
  registeredAt: Date;
}

export class CustomerRepository {
  constructor(private readonly db: Knex) {}

  /** The profile of a newly registered account; undefined when it already exists (a redelivered event). */
  async insertFromRegistration(tx: Transaction, r: Registration): Promise<Customer | undefined> {
    const [row] = await knexTransaction(tx)<CustomerRow>('customers')
      .insert({ id: r.id, email: r.email, registered_at: r.registeredAt })
      .onConflict('id')
      .ignore()
      .returning('*');
    return row && toCustomer(row);
  }

  /**
   * Locks an active profile for the rest of the transaction: every write to a customer or their addresses
   * takes this lock first, so concurrent writes for one customer run one after the other.
   */
  async lockActive(tx: Transaction, id: string): Promise<Customer> {
    const row = await knexTransaction(tx)<CustomerRow>('customers').where({ id }).whereNull('deleted_at').forUpdate().first();
    if (!row) throw new NotFoundError('customer', id);
    return toCustomer(row);
  }

  async get(id: string): Promise<Customer> {
    const row = await this.db<CustomerRow>('customers').where({ id }).first();
    if (!row) throw new NotFoundError('customer', id);
    return toCustomer(row);
  }

  /** An active profile, for its owner: an erased one is gone as far as they can tell. */
  async getActive(id: string): Promise<Customer> {
    const row = await this.db<CustomerRow>('customers').where({ id }).whereNull('deleted_at').first();
    if (!row) throw new NotFoundError('customer', id);
    return toCustomer(row);
  }

  async list(filter: CustomerFilter): Promise<Page<Customer>> {
    const query = this.db<CustomerRow>('customers').modify((q) => {
      if (filter.email) q.whereRaw('lower(email) like ?', [`%${escapeLike(filter.email.toLowerCase())}%`]);
      if (filter.status) q.where({ status: filter.status });
      if (filter.registeredFrom) q.where('registered_at', '>=', filter.registeredFrom);
      if (filter.registeredTo) q.where('registered_at', '<', filter.registeredTo);
      if (filter.segmentId) q.whereIn('id', this.db('customer_segments').where({ segment_id: filter.segmentId }).select('customer_id'));
    });
    const [rows, [count]] = await Promise.all([
      query.clone().select('*').orderBy([{ column: 'registered_at', order: 'desc' }, { column: 'id' }]).limit(filter.limit).offset(offsetOf(filter)),
      query.clone().count<Array<{ count: string | number }>>({ count: '*' }),
    ]);
    return { items: rows.map(toCustomer), total: Number(count!.count) };
  }

  /** Applies the given fields of a profile the caller has locked; returns it as it is now. */
  async update(tx: Transaction, id: string, patch: CustomerPatch): Promise<Customer> {
    const trx = knexTransaction(tx);
    const [row] = await trx<CustomerRow>('customers')
      .where({ id })
      .update({ ...toColumns(patch), updated_at: trx.fn.now() })
      .returning('*');
    if (!row) throw new NotFoundError('customer', id);
    return toCustomer(row);
  }

  /**
   * GDPR erasure of a profile the caller has locked: soft-deleted, and every personal field of it and of its
   * addresses overwritten. The row stays so orders can still point at the id; the segments drop it (trigger).
   */
  async erase(tx: Transaction, id: string, now: Date): Promise<void> {
    const trx = knexTransaction(tx);
    await trx('addresses').where({ customer_id: id }).update({
      label: null,
      recipient: ERASED,
      line1: ERASED,
      line2: null,
      city: ERASED,
      region: null,
      postal_code: ERASED,
      phone: null,
      is_default_shipping: false,
      is_default_billing: false,
      updated_at: now,
    });
    await trx('customers').where({ id }).update({
      email: erasedEmail(id),
      first_name: null,
      last_name: null,
      phone: null,
      status: 'deleted',
      deleted_at: now,
      anonymised_at: now,
      updated_at: now,
    });
  }
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}
