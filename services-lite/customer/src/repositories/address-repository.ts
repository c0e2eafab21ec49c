// Addresses of one customer. Every query is scoped by the customer id, so another customer's address is simply
// not found (404, never 403). Writes run in the use case's unit of work, after it locked the customer row: two
// requests making different addresses the default run one after the other, and the partial unique indexes
// reject anything that would slip through.
import { NotFoundError } from '@ecommerce/common/errors';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Knex } from 'knex';
import type { Address, AddressPatch, NewAddress } from '../schemas/address.js';
import { toAddress, toColumns, type AddressRow } from './rows.js';

export class AddressRepository {
  constructor(private readonly db: Knex) {}

  async list(customerId: string): Promise<Address[]> {
    const rows = await this.db<AddressRow>('addresses').where({ customer_id: customerId }).orderBy([{ column: 'created_at' }, { column: 'id' }]);
    return rows.map(toAddress);
  }

  async get(customerId: string, addressId: string): Promise<Address> {
    const row = await this.db<AddressRow>('addresses').where({ id: addressId, customer_id: customerId }).first();
    if (!row) throw new NotFoundError('address', addressId);
    return toAddress(row);
  }

  async insert(tx: Transaction, customerId: string, input: NewAddress): Promise<Address> {
    const trx = knexTransaction(tx);
    await clearDefaults(trx, customerId, input);
    const [row] = await trx<AddressRow>('addresses')
      .insert({ ...toColumns(input), customer_id: customerId })
      .returning('*');
    return toAddress(row!);
  }

  /** A patch without fields returns the address unchanged. */
  async update(tx: Transaction, customerId: string, addressId: string, patch: AddressPatch): Promise<Address> {
    const trx = knexTransaction(tx);
    const current = await trx<AddressRow>('addresses').where({ id: addressId, customer_id: customerId }).first();
    if (!current) throw new NotFoundError('address', addressId);
    const columns = toColumns(patch);
    if (Object.keys(columns).length === 0) return toAddress(current);
    await clearDefaults(trx, customerId, patch, addressId);
    const [row] = await trx<AddressRow>('addresses')
      .where({ id: addressId })
      .update({ ...columns, updated_at: trx.fn.now() })
      .returning('*');
    return toAddress(row!);
  }

  async delete(tx: Transaction, customerId: string, addressId: string): Promise<void> {
    const count = await knexTransaction(tx)('addresses').where({ id: addressId, customer_id: customerId }).delete();
    if (count === 0) throw new NotFoundError('address', addressId);
  }
}

/** Before an address becomes a default, the previous default of that kind stops being one. */
async function clearDefaults(
  trx: Knex.Transaction,
  customerId: string,
  flags: { isDefaultShipping?: boolean; isDefaultBilling?: boolean },
  exceptId?: string,
): Promise<void> {
  const kinds = [
    flags.isDefaultShipping ? 'is_default_shipping' : undefined,
    flags.isDefaultBilling ? 'is_default_billing' : undefined,
  ].filter((k): k is string => k !== undefined);
  for (const column of kinds) {
    await trx('addresses')
      .where({ customer_id: customerId, [column]: true })
      .modify((q) => {
        if (exceptId) q.whereNot({ id: exceptId });
      })
      .update({ [column]: false, updated_at: trx.fn.now() });
  }
}
