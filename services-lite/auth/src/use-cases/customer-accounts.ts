// Customer accounts follow the customer service's profiles: a GDPR erasure there (customer.customer.deleted)
// deletes the account here, so the erased customer can no longer log in and auth keeps none of their data
// (email, password hash, MFA secret); by cascade every session and single-use token goes with it.
import type { AccountRepository } from '../repositories/account-repository.js';
import type { AuthUnitOfWork } from './unit-of-work.js';

export interface CustomerAccountDeps {
  uow: AuthUnitOfWork;
  accounts: AccountRepository;
}

export class CustomerAccounts {
  constructor(private readonly deps: CustomerAccountDeps) {}

  /**
   * The customer was erased: false when no customer account has the id (already erased, or a staff id). Its
   * access tokens are inactive at /introspect at once (their session is gone); services that verify locally
   * from the JWKS accept them until they expire.
   */
  erase(customerId: string): Promise<boolean> {
    return this.deps.uow.run((tx) => this.deps.accounts.deleteCustomer(tx, customerId));
  }
}
