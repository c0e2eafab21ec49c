// Keeping the contact directory: order, payment and shipping events name only a customer (or an order), so the
// addresses and locale come from customer and auth events, and each order's customer from order.order.placed.
import { inject, injectable } from 'inversify';
import type { Transaction } from '@ecommerce/common/events';
import { CONTACT_REPOSITORY, type ContactRepository } from './ports.js';

@injectable()
export class RecordContactsUseCase {
  constructor(@inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository) {}

  /** A customer profile as it is now; empty fields are not known and leave what is stored. */
  customerSaved(tx: Transaction, customer: { id: string; email: string; phone: string }): Promise<void> {
    return this.contacts.upsert(tx, customer.id, {
      ...(customer.email ? { email: customer.email } : {}),
      ...(customer.phone ? { phone: customer.phone } : {}),
    });
  }

  customerErased(tx: Transaction, customerId: string): Promise<void> {
    return this.contacts.erase(tx, customerId);
  }

  /** Auth's events carry the account's address; a customer account's id is its customer id. */
  accountEmailKnown(tx: Transaction, accountId: string, email: string): Promise<void> {
    return this.contacts.upsert(tx, accountId, { email });
  }

  /** Whether the id is a customer the directory knows (auth's password reset does not say whose account it is). */
  async isCustomer(tx: Transaction, id: string): Promise<boolean> {
    return (await this.contacts.find(id, tx)) !== undefined;
  }

  orderPlaced(tx: Transaction, orderId: string, customerId: string): Promise<void> {
    return this.contacts.rememberOrder(tx, orderId, customerId);
  }

  customerOfOrder(tx: Transaction, orderId: string): Promise<string | undefined> {
    return this.contacts.customerOfOrder(tx, orderId);
  }
}
