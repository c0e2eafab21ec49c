// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto. Every RPC with a request schema belongs in `requests`.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { SearchServiceService } from '@ecommerce/proto/search/v1/search';
import type { z } from 'zod';
import { searchServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof SearchServiceService]: z.ZodObject | undefined } = {
  searchProducts: schemas.searchProductsRequest,
  autocomplete: schemas.autocompleteRequest,
  rebuildIndex: schemas.rebuildIndexRequest,
};

export const searchOpenApi = rpcOpenApiFragment('search', searchServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
