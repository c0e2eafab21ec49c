// auth.account.registered -> the customer's profile, with the same id as the account. Runs inside the inbox
// transaction, so a redelivered event is skipped before it gets here; the insert ignores an existing id too.
import type { CloudEvent } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import { AccountType } from '@ecommerce/proto/events/v1/auth';
import type { Knex } from 'knex';
import type { CustomerRepository } from '../repositories/customer-repository.js';
import { accountRegistered } from './customer-events.js';

export interface AccountEventDeps {
  customers: CustomerRepository;
  logger: Logger;
}

export function accountEventsHandler(deps: AccountEventDeps) {
  return async (event: CloudEvent, trx: Knex.Transaction): Promise<void> => {
    // The topic carries other account events (locked, reset...); only registrations make profiles.
    if (event.type !== accountRegistered.type) return;
    const account = accountRegistered.parse(event);
    if (!account.accountId || !account.email) {
      deps.logger.warn({ event_id: event.id }, 'auth.account.registered without account id or email; ignored');
      return;
    }
    if (account.type === AccountType.ACCOUNT_TYPE_STAFF) return;
    const created = await deps.customers.createFromRegistration(trx, {
      id: account.accountId,
      email: account.email,
      registeredAt: account.createTime ?? new Date(event.time),
    });
    if (!created) deps.logger.info({ event_id: event.id, customer_id: account.accountId }, 'customer profile already exists');
  };
}
