// Address CRUD for one customer, mounted twice: under /customers/me for the owner and under /customers/:id for
// staff. `customerOf` names whose addresses a request touches; reads and use cases scope every query by it.
import { parseBody, parseParams, sendCreated, sendOk } from '@ecommerce/common/http';
import { Router, type Request, type RequestHandler } from 'express';
import type { AddressRepository } from '../repositories/address-repository.js';
import type { AddressUseCases } from '../use-cases/manage-addresses.js';
import { createAddressBody, updateAddressBody } from '../schemas/address.js';
import { addressParams } from '../schemas/common.js';

export interface AddressRouteDeps {
  addresses: AddressRepository;
  addressBook: AddressUseCases;
  guard: RequestHandler;
  customerOf(req: Request): string;
}

export function addressRoutes({ addresses, addressBook, guard, customerOf }: AddressRouteDeps): Router {
  // mergeParams: the staff mount reads `:id` from its parent path.
  const router = Router({ mergeParams: true });
  router.use(guard);

  router.get('/', async (req, res) => {
    sendOk(res, await addresses.list(customerOf(req)));
  });

  router.post('/', async (req, res) => {
    const customerId = customerOf(req);
    sendCreated(res, await addressBook.create(customerId, parseBody(createAddressBody, req)));
  });

  router.get('/:addressId', async (req, res) => {
    const customerId = customerOf(req);
    const { addressId } = parseParams(addressParams, req);
    sendOk(res, await addresses.get(customerId, addressId));
  });

  router.patch('/:addressId', async (req, res) => {
    const customerId = customerOf(req);
    const { addressId } = parseParams(addressParams, req);
    sendOk(res, await addressBook.update(customerId, addressId, parseBody(updateAddressBody, req)));
  });

  router.delete('/:addressId', async (req, res) => {
    const customerId = customerOf(req);
    const { addressId } = parseParams(addressParams, req);
    await addressBook.delete(customerId, addressId);
    res.status(204).end();
  });

  return router;
}
