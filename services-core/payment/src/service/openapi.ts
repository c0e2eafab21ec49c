// This service's part of the platform's OpenAPI document, served at /openapi.json on its HTTP port: who may call
// each RPC and the zod schema its handler validates the request with (laid over the REST routes the gateway reads
// from the proto), plus the plain HTTP webhook route, described as a normal `paths` entry.
import { ERROR_RESPONSE, rpcOpenApiFragment, type OpenApiFragment } from '@ecommerce/common/http';
import type { PaymentServiceService } from '@ecommerce/proto/payment/v1/payment';
import type { z } from 'zod';
import { paymentServiceRegistration } from '../server/grpc-services.js';
import * as schemas from './request-schemas.js';

const requests: { [K in keyof typeof PaymentServiceService]: z.ZodObject | undefined } = {
  authorizePayment: schemas.authorizePaymentRequest,
  voidPayment: schemas.voidPaymentRequest,
  capturePayment: schemas.capturePaymentRequest,
  refundPayment: schemas.refundPaymentRequest,
  getPayment: schemas.getPaymentRequest,
  listPayments: schemas.listPaymentsRequest,
};

const webhookPaths: OpenApiFragment['paths'] = {
  '/api/v1/payments/webhooks/{provider}': {
    post: {
      operationId: 'payment_post_api_v1_payments_webhooks_provider',
      summary: 'A payment provider reports a change (signed; see the payment README for the format)',
      tags: ['payment'],
      parameters: [
        { name: 'provider', in: 'path', required: true, schema: { type: 'string', enum: ['test', 'stripe'] } },
        { name: 'test-provider-signature', in: 'header', required: false, schema: { type: 'string', description: 't=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">' } },
        { name: 'stripe-signature', in: 'header', required: false, schema: { type: 'string' } },
      ],
      requestBody: { required: true, content: { 'application/json': { schema: { type: 'object' } } } },
      responses: {
        '200': {
          description: 'Received (applied: false for a redelivery or an event that changes nothing)',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['success', 'data'],
                properties: { success: { const: true }, data: { type: 'object', properties: { received: { type: 'boolean' }, applied: { type: 'boolean' } } } },
              },
            },
          },
        },
        '400': ERROR_RESPONSE,
        '401': ERROR_RESPONSE,
        '413': ERROR_RESPONSE,
        '415': ERROR_RESPONSE,
      },
    },
  },
};

const rpcFragment = rpcOpenApiFragment('payment', paymentServiceRegistration as Parameters<typeof rpcOpenApiFragment>[1], requests);

/** Built once: the schemas do not change while the process runs. */
export const paymentOpenApi: OpenApiFragment = { ...rpcFragment, paths: { ...rpcFragment.paths, ...webhookPaths } };
