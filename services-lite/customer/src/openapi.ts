// The customer routes as an OpenAPI fragment from the same zod schemas the routes validate with; the gateway
// merges it into the platform's /openapi.json. A new route is documented by adding its line here.
import { z } from 'zod';
import { paginationQuery } from '@ecommerce/common/models';
import { openApiFragment, type DocumentedRoute } from '@ecommerce/common/http';
import { addressSchema, createAddressBody, updateAddressBody } from './schemas/address.js';
import { addressParams, customerAddressParams, idParams } from './schemas/common.js';
import { customerSchema, listCustomersQuery, staffUpdateCustomerBody, updateProfileBody } from './schemas/customer.js';
import { createSegmentBody, listSegmentsQuery, segmentRuleBody, segmentRuleParams, segmentSchema } from './schemas/segment.js';

const C = '/api/v1/customers';
const S = `${C}/segments`;
const CUSTOMER = ['customer'];
const STAFF = ['staff', 'admin'];
/** A customer token whose profile does not exist (yet: registration arrives by event, or no more: erased) finds nothing. */
const NO_PROFILE = [404];

const routes: DocumentedRoute[] = [
  { method: 'get', path: `${C}/me`, summary: 'The signed-in customer’s profile', response: customerSchema, roles: CUSTOMER, errors: NO_PROFILE },
  { method: 'patch', path: `${C}/me`, summary: 'Change own names or phone', body: updateProfileBody, response: customerSchema, roles: CUSTOMER, errors: NO_PROFILE },
  { method: 'delete', path: `${C}/me`, summary: 'Erase own profile (soft delete and anonymisation)', status: 204, roles: CUSTOMER, errors: NO_PROFILE },
  { method: 'get', path: `${C}/me/addresses`, summary: 'Own addresses', response: z.array(addressSchema), roles: CUSTOMER },
  { method: 'post', path: `${C}/me/addresses`, summary: 'Add an address (may become a default)', body: createAddressBody, response: addressSchema, roles: CUSTOMER, errors: NO_PROFILE },
  { method: 'get', path: `${C}/me/addresses/:addressId`, summary: 'One own address', params: addressParams, response: addressSchema, roles: CUSTOMER },
  { method: 'patch', path: `${C}/me/addresses/:addressId`, summary: 'Change an own address or make it a default', params: addressParams, body: updateAddressBody, response: addressSchema, roles: CUSTOMER },
  { method: 'delete', path: `${C}/me/addresses/:addressId`, summary: 'Remove an own address', params: addressParams, status: 204, roles: CUSTOMER },
  { method: 'get', path: S, summary: 'List segments', query: listSegmentsQuery, response: segmentSchema, list: true, roles: STAFF },
  { method: 'post', path: S, summary: 'Create a segment with its rules', body: createSegmentBody, response: segmentSchema, roles: STAFF },
  { method: 'get', path: `${S}/:id`, summary: 'One segment with its rules and member count', params: idParams, response: segmentSchema, roles: STAFF },
  { method: 'delete', path: `${S}/:id`, summary: 'Delete a segment', params: idParams, status: 204, roles: STAFF },
  { method: 'post', path: `${S}/:id/rules`, summary: 'Add a rule; membership is re-evaluated', params: idParams, body: segmentRuleBody, response: segmentSchema, roles: STAFF },
  { method: 'delete', path: `${S}/:id/rules/:ruleId`, summary: 'Remove a rule; membership is re-evaluated', params: segmentRuleParams, response: segmentSchema, roles: STAFF },
  { method: 'get', path: `${S}/:id/customers`, summary: 'Customers in a segment', params: idParams, query: paginationQuery, response: customerSchema, list: true, roles: STAFF },
  { method: 'get', path: C, summary: 'Search customers', query: listCustomersQuery, response: customerSchema, list: true, roles: STAFF },
  { method: 'get', path: `${C}/:id`, summary: 'One customer', params: idParams, response: customerSchema, roles: STAFF },
  { method: 'patch', path: `${C}/:id`, summary: 'Change a customer (also the spend inputs of segments)', params: idParams, body: staffUpdateCustomerBody, response: customerSchema, roles: STAFF },
  { method: 'delete', path: `${C}/:id`, summary: 'Erase a customer (soft delete and anonymisation)', params: idParams, status: 204, roles: STAFF },
  { method: 'get', path: `${C}/:id/addresses`, summary: 'A customer’s addresses', params: idParams, response: z.array(addressSchema), roles: STAFF },
  { method: 'post', path: `${C}/:id/addresses`, summary: 'Add an address to a customer', params: idParams, body: createAddressBody, response: addressSchema, roles: STAFF },
  { method: 'get', path: `${C}/:id/addresses/:addressId`, summary: 'One address of a customer', params: customerAddressParams, response: addressSchema, roles: STAFF },
  { method: 'patch', path: `${C}/:id/addresses/:addressId`, summary: 'Change a customer’s address', params: customerAddressParams, body: updateAddressBody, response: addressSchema, roles: STAFF },
  { method: 'delete', path: `${C}/:id/addresses/:addressId`, summary: 'Remove a customer’s address', params: customerAddressParams, status: 204, roles: STAFF },
];

/** Built once: the schemas do not change while the process runs. */
export const customerOpenApi = openApiFragment('customer', routes);
