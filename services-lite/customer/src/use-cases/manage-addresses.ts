// A customer's address book. Every write locks the customer first (writes for one customer run one after the
// other) and may move them between segments (shipping-country rules), so each records its membership events.
import type { AddressRepository } from '../repositories/address-repository.js';
import type { CustomerRepository } from '../repositories/customer-repository.js';
import type { Address, AddressPatch, NewAddress } from '../schemas/address.js';
import type { MembershipTracker } from './membership-changes.js';
import type { CustomerUnitOfWork } from './unit-of-work.js';

export interface AddressDeps {
  uow: CustomerUnitOfWork;
  customers: CustomerRepository;
  addresses: AddressRepository;
  membership: MembershipTracker;
}

export class AddressUseCases {
  constructor(private readonly deps: AddressDeps) {}

  create(customerId: string, input: NewAddress): Promise<Address> {
    const { uow, customers, addresses, membership } = this.deps;
    return uow.run(async (tx, events) => {
      await customers.lockActive(tx, customerId);
      return membership.track(tx, events, { customerId }, () => addresses.insert(tx, customerId, input));
    });
  }

  update(customerId: string, addressId: string, patch: AddressPatch): Promise<Address> {
    const { uow, customers, addresses, membership } = this.deps;
    return uow.run(async (tx, events) => {
      await customers.lockActive(tx, customerId);
      return membership.track(tx, events, { customerId }, () => addresses.update(tx, customerId, addressId, patch));
    });
  }

  async delete(customerId: string, addressId: string): Promise<void> {
    const { uow, customers, addresses, membership } = this.deps;
    await uow.run(async (tx, events) => {
      await customers.lockActive(tx, customerId);
      await membership.track(tx, events, { customerId }, () => addresses.delete(tx, customerId, addressId));
    });
  }
}
