// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with, which the gateway lays over the REST routes
// it reads from the proto. Every RPC with a request schema belongs in `requests`.
import { rpcOpenApiFragment } from '@ecommerce/common/http';
import type { __Name__ServiceService } from '@ecommerce/proto/__name__/v1/__name__';
import type { z } from 'zod';
import { __name__ServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof __Name__ServiceService]: z.ZodObject | undefined } = {
  createExample: schemas.createExampleRequest,
};

export const __name__OpenApi = rpcOpenApiFragment('__name__', __name__ServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);
