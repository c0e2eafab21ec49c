// Changing a profile (by its owner or by staff) and GDPR erasure. Each locks the profile, lets the triggers
// move it between segments, and decides customer.customer.updated / deleted and the membership events.
import type { CustomerRepository } from '../repositories/customer-repository.js';
import type { Customer, CustomerPatch } from '../schemas/customer.js';
import { customerEvents } from './customer-events.js';
import type { MembershipTracker } from './membership-changes.js';
import type { CustomerUnitOfWork } from './unit-of-work.js';

export interface ProfileDeps {
  uow: CustomerUnitOfWork;
  customers: CustomerRepository;
  membership: MembershipTracker;
  now?: () => Date;
}

/** Field names of a patch that were given, in a stable order: the event's changedFields. */
export function changedFields(patch: Record<string, unknown>): string[] {
  return Object.keys(patch).filter((k) => patch[k] !== undefined).sort();
}

export class ProfileUseCases {
  private readonly now: () => Date;

  constructor(private readonly deps: ProfileDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** An empty patch changes nothing and emits nothing; an erased profile is not found. */
  update(id: string, patch: CustomerPatch): Promise<Customer> {
    const { uow, customers, membership } = this.deps;
    return uow.run(async (tx, events) => {
      const current = await customers.lockActive(tx, id);
      const fields = changedFields(patch);
      if (fields.length === 0) return current;
      const customer = await membership.track(tx, events, { customerId: id }, () => customers.update(tx, id, patch));
      customerEvents.updated(events, customer, fields);
      return customer;
    });
  }

  /** The profile is anonymised and leaves every segment; the deleted event carries no personal data. */
  async erase(id: string): Promise<void> {
    const { uow, customers, membership } = this.deps;
    await uow.run(async (tx, events) => {
      await customers.lockActive(tx, id);
      const at = this.now();
      await membership.track(tx, events, { customerId: id }, () => customers.erase(tx, id, at));
      customerEvents.deleted(events, id, at);
    });
  }
}
