// The Express handler of one annotated RPC: HTTP request -> proto request -> gRPC call -> proto-JSON response in
// the envelope. Errors come back as the AppError of their gRPC status (field violations included), which the
// error handler renders with the HTTP status of DESIGN.md section 7.
import { toJson, type FileRegistry, type JsonObject } from '@bufbuild/protobuf';
import { AppError, UnavailableError } from '@ecommerce/common/errors';
import { optionalJsonBody, requireJsonBody } from '@ecommerce/common/http';
import { ok } from '@ecommerce/common/models';
import type { RequestHandler } from 'express';
import type { CircuitBreaker } from '../edge/circuit-breaker.js';
import type { GrpcInvoker } from './grpc-invoker.js';
import type { HttpBinding } from './http-rules.js';
import { buildRequest } from './request-builder.js';

export interface TranscodeSettings {
  registry: FileRegistry;
  invoker: GrpcInvoker;
  breaker: CircuitBreaker;
  address: string;
  deadlineMs: number;
}

export function transcode(binding: HttpBinding, settings: TranscodeSettings): RequestHandler {
  const responseField = binding.responseBody ? binding.method.output.fields.find((f) => f.name === binding.responseBody) : undefined;
  const needsBody = bodyIsRequired(binding);
  return async (req, res) => {
    const query = new URLSearchParams(req.originalUrl.split('?')[1] ?? '');
    // The kit's rule for bodies: another content type is 415, none at all is 400 where the body carries fields.
    const body = binding.body ? (needsBody ? requireJsonBody(req) : optionalJsonBody(req)) : undefined;
    const request = buildRequest(binding, { pathParams: req.params as Record<string, string | string[]>, query, body }, settings.registry);
    const response = await settings.breaker
      .run(
        () =>
          settings.invoker.invoke(settings.address, binding.method, request, {
            metadata: { authorization: req.get('authorization'), 'x-request-id': String(res.locals.requestId) },
            deadlineMs: settings.deadlineMs,
          }),
        ({ error }) => isUpstreamFault(error),
      )
      .catch((err: unknown) => {
        // grpc-js's wording ("No connection established ...") says nothing useful to an API client.
        if (err instanceof AppError && err.type === 'unavailable' && err.cause) {
          throw new UnavailableError(`upstream ${binding.upstream} is unavailable`, { cause: err });
        }
        throw err;
      });
    const json = toJson(binding.method.output, response, { registry: settings.registry, alwaysEmitImplicit: true }) as JsonObject;
    res.status(200).json(ok(responseField ? json[responseField.jsonName] : json));
  };
}

/** `body: "*"` needs a body only when the path leaves some request field to it (`POST /things/{id}:cancel` may not). */
function bodyIsRequired(binding: HttpBinding): boolean {
  if (!binding.body) return false;
  if (binding.body !== '*') return true;
  const inPath = new Set(binding.path.variables.map((v) => v.fieldPath.split('.')[0]));
  return binding.method.input.fields.some((f) => !inPath.has(f.name));
}

function isUpstreamFault(error: unknown): boolean {
  return error instanceof AppError && (error.type === 'unavailable' || error.type === 'deadline_exceeded');
}
