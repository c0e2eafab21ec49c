// The signed-in customer's own profile (`/customers/me`): the token's `sub` is the customer id, so nothing in
// the request can point at someone else's data.
import { parseBody, principalOf, sendOk } from '@ecommerce/common/http';
import { PermissionDeniedError } from '@ecommerce/common/errors';
import { Router, type Request, type RequestHandler } from 'express';
import type { AddressRepository } from '../repositories/address-repository.js';
import type { CustomerRepository } from '../repositories/customer-repository.js';
import type { AddressUseCases } from '../use-cases/manage-addresses.js';
import type { ProfileUseCases } from '../use-cases/manage-profile.js';
import { updateProfileBody } from '../schemas/customer.js';
import { addressRoutes } from './addresses.js';

export interface ProfileRouteDeps {
  customers: CustomerRepository;
  profiles: ProfileUseCases;
  addresses: AddressRepository;
  addressBook: AddressUseCases;
  customerOnly: RequestHandler;
}

/** The customer id of a request that passed `customerOnly`. */
export function ownCustomerId(req: Request): string {
  const principal = principalOf(req);
  // requireRoles('customer') ran first; a customer-role token that is not a customer account is refused.
  if (!principal || (principal.type !== undefined && principal.type !== 'customer')) throw new PermissionDeniedError('requires a customer account');
  return principal.sub;
}

export function profileRoutes({ customers, profiles, addresses, addressBook, customerOnly }: ProfileRouteDeps): Router {
  const router = Router();

  router.get('/customers/me', customerOnly, async (req, res) => {
    sendOk(res, await customers.getActive(ownCustomerId(req)));
  });

  router.patch('/customers/me', customerOnly, async (req, res) => {
    const id = ownCustomerId(req);
    sendOk(res, await profiles.update(id, parseBody(updateProfileBody, req)));
  });

  router.delete('/customers/me', customerOnly, async (req, res) => {
    await profiles.erase(ownCustomerId(req));
    res.status(204).end();
  });

  router.use('/customers/me/addresses', addressRoutes({ addresses, addressBook, guard: customerOnly, customerOf: ownCustomerId }));
  return router;
}
