// A registration at auth becomes the customer's profile, with the account's id. customer.customer.created and
// the segments the profile joins at once (registration-date rules) commit with it.
import type { CustomerRepository, Registration } from '../repositories/customer-repository.js';
import { customerEvents } from './customer-events.js';
import type { MembershipTracker } from './membership-changes.js';
import type { CustomerUnitOfWork } from './unit-of-work.js';

export interface RegisterCustomerDeps {
  uow: CustomerUnitOfWork;
  customers: CustomerRepository;
  membership: MembershipTracker;
}

export class RegisterCustomerUseCase {
  constructor(private readonly deps: RegisterCustomerDeps) {}

  /** False when the profile exists already (the same registration seen again): nothing changes, nothing is emitted. */
  execute(registration: Registration): Promise<boolean> {
    const { uow, customers, membership } = this.deps;
    return uow.run(async (tx, events) => {
      const created = await membership.track(tx, events, { customerId: registration.id }, async () => {
        const customer = await customers.insertFromRegistration(tx, registration);
        if (customer) customerEvents.created(events, customer);
        return customer;
      });
      return created !== undefined;
    });
  }
}
