// Builds the service's object graph (repositories -> unit of work -> use cases) from its database handle.
// main.ts owns the resources; the app and the event consumer take what they need from here.
import type { Knex } from 'knex';
import { AddressRepository } from './repositories/address-repository.js';
import { CustomerRepository } from './repositories/customer-repository.js';
import { MembershipRepository } from './repositories/membership-repository.js';
import { SegmentRepository } from './repositories/segment-repository.js';
import { AddressUseCases } from './use-cases/manage-addresses.js';
import { ProfileUseCases } from './use-cases/manage-profile.js';
import { SegmentUseCases } from './use-cases/manage-segments.js';
import { MembershipTracker } from './use-cases/membership-changes.js';
import { RegisterCustomerUseCase } from './use-cases/register-customer.js';
import { createCustomerUnitOfWork } from './use-cases/unit-of-work.js';

export interface CustomerComponents {
  /** Shared by the use cases and the event consumer, so a handler's use case joins its inbox transaction. */
  uow: ReturnType<typeof createCustomerUnitOfWork>;
  /** Reads go straight to the repositories; writes go through the use cases. */
  customers: CustomerRepository;
  addresses: AddressRepository;
  segments: SegmentRepository;
  registration: RegisterCustomerUseCase;
  profiles: ProfileUseCases;
  addressBook: AddressUseCases;
  segmentAdmin: SegmentUseCases;
}

export function createCustomerComponents(db: Knex): CustomerComponents {
  const uow = createCustomerUnitOfWork(db);
  const customers = new CustomerRepository(db);
  const addresses = new AddressRepository(db);
  const segments = new SegmentRepository(db);
  const membership = new MembershipTracker(new MembershipRepository());
  return {
    uow,
    customers,
    addresses,
    segments,
    registration: new RegisterCustomerUseCase({ uow, customers, membership }),
    profiles: new ProfileUseCases({ uow, customers, membership }),
    addressBook: new AddressUseCases({ uow, customers, addresses, membership }),
    segmentAdmin: new SegmentUseCases({ uow, segments, membership }),
  };
}
