// Staff access to any customer: search and page through them, read, correct, erase, and manage addresses.
import { parseBody, parseParams, parseQuery, sendOk } from '@ecommerce/common/http';
import { Router, type Request, type RequestHandler } from 'express';
import type { AddressRepository } from '../repositories/address-repository.js';
import type { CustomerRepository } from '../repositories/customer-repository.js';
import type { AddressUseCases } from '../use-cases/manage-addresses.js';
import type { ProfileUseCases } from '../use-cases/manage-profile.js';
import { idParams } from '../schemas/common.js';
import { listCustomersQuery, staffUpdateCustomerBody } from '../schemas/customer.js';
import { addressRoutes } from './addresses.js';

export interface StaffCustomerRouteDeps {
  customers: CustomerRepository;
  profiles: ProfileUseCases;
  addresses: AddressRepository;
  addressBook: AddressUseCases;
  staffOnly: RequestHandler;
}

const customerIdOf = (req: Request) => parseParams(idParams, req).id;

export function staffCustomerRoutes({ customers, profiles, addresses, addressBook, staffOnly }: StaffCustomerRouteDeps): Router {
  const router = Router();

  router.get('/customers', staffOnly, async (req, res) => {
    const filter = parseQuery(listCustomersQuery, req);
    const { items, total } = await customers.list(filter);
    sendOk(res, items, { page: filter.page, limit: filter.limit, total });
  });

  router.get('/customers/:id', staffOnly, async (req, res) => {
    sendOk(res, await customers.get(customerIdOf(req)));
  });

  router.patch('/customers/:id', staffOnly, async (req, res) => {
    const id = customerIdOf(req);
    sendOk(res, await profiles.update(id, parseBody(staffUpdateCustomerBody, req)));
  });

  router.delete('/customers/:id', staffOnly, async (req, res) => {
    await profiles.erase(customerIdOf(req));
    res.status(204).end();
  });

  router.use('/customers/:id/addresses', addressRoutes({ addresses, addressBook, guard: staffOnly, customerOf: customerIdOf }));
  return router;
}
