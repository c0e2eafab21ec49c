// The contact directory and each order's customer, in PostgreSQL, written in the consumer's transaction.
import { inject, injectable } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Contact, ContactRepository } from '../biz/ports.js';
import { TOKENS } from '../tokens.js';

interface ContactRow {
  customer_id: string;
  email: string | null;
  phone: string | null;
  locale: string;
  deleted_at: Date | null;
}

@injectable()
export class KnexContactRepository implements ContactRepository {
  constructor(@inject(TOKENS.Database) private readonly db: Knex) {}

  async upsert(tx: Transaction, customerId: string, fields: { email?: string; phone?: string; locale?: string }): Promise<void> {
    const changes = {
      ...(fields.email !== undefined ? { email: fields.email } : {}),
      ...(fields.phone !== undefined ? { phone: fields.phone } : {}),
      ...(fields.locale !== undefined ? { locale: fields.locale } : {}),
    };
    const db = knexTransaction(tx);
    // An erased contact stays erased: a late or redelivered event must not bring its address back.
    await db('contacts')
      .insert({ customer_id: customerId, ...changes })
      .onConflict('customer_id')
      .merge({ ...changes, updated_at: db.fn.now() })
      .where('contacts.deleted_at', null);
  }

  async erase(tx: Transaction, customerId: string): Promise<void> {
    const db = knexTransaction(tx);
    await db('contacts')
      .insert({ customer_id: customerId, deleted_at: db.fn.now() })
      .onConflict('customer_id')
      .merge({ email: null, phone: null, deleted_at: db.fn.now(), updated_at: db.fn.now() });
  }

  async find(customerId: string, tx?: Transaction): Promise<Contact | undefined> {
    const db = tx ? knexTransaction(tx) : this.db;
    const row = await db('contacts').where({ customer_id: customerId }).first<ContactRow | undefined>('customer_id', 'email', 'phone', 'locale', 'deleted_at');
    return row ? { customerId: row.customer_id, email: row.email, phone: row.phone, locale: row.locale, deleted: row.deleted_at !== null } : undefined;
  }

  async rememberOrder(tx: Transaction, orderId: string, customerId: string): Promise<void> {
    await knexTransaction(tx)('order_recipients').insert({ order_id: orderId, customer_id: customerId }).onConflict('order_id').ignore();
  }

  async customerOfOrder(tx: Transaction, orderId: string): Promise<string | undefined> {
    const row = await knexTransaction(tx)('order_recipients').where({ order_id: orderId }).first<{ customer_id: string } | undefined>('customer_id');
    return row?.customer_id;
  }
}
