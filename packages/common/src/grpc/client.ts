// gRPC clients for service-to-service calls: a default deadline on every call, retries for UNAVAILABLE only
// (never for a call that may have run), keepalive pings, and the caller's trace context in the metadata.
import {
  credentials,
  InterceptingCall,
  Metadata,
  type CallOptions,
  type ChannelCredentials,
  type ClientOptions,
  type ClientUnaryCall,
  type Interceptor,
  type ServiceError,
} from '@grpc/grpc-js';
import { context, propagation, type TextMapSetter } from '@opentelemetry/api';
import type { AppError } from '../errors/app-error.js';
import { fromServiceError } from './error-mapper.js';

export interface GrpcClientSettings {
  /** `host:port` */
  address: string;
  /** Deadline for calls that set none. */
  deadlineMs?: number;
  /** Attempts in all, for UNAVAILABLE only (connection refused, server draining). */
  maxAttempts?: number;
  keepaliveMs?: number;
}

type ClientConstructor<C> = new (address: string, creds: ChannelCredentials, options?: Partial<ClientOptions>) => C;

export function createGrpcClient<C>(Client: ClientConstructor<C>, settings: GrpcClientSettings): C {
  const serviceConfig = {
    methodConfig: [
      {
        name: [{}],
        retryPolicy: {
          maxAttempts: Math.max(2, settings.maxAttempts ?? 3),
          initialBackoff: '0.05s',
          maxBackoff: '1s',
          backoffMultiplier: 2,
          retryableStatusCodes: ['UNAVAILABLE'],
        },
      },
    ],
  };
  return new Client(settings.address, credentials.createInsecure(), {
    'grpc.service_config': JSON.stringify(serviceConfig),
    'grpc.enable_retries': 1,
    'grpc.keepalive_time_ms': settings.keepaliveMs ?? 30_000,
    'grpc.keepalive_timeout_ms': 10_000,
    interceptors: [defaultDeadline(settings.deadlineMs ?? 5_000), propagateTrace],
  });
}

function defaultDeadline(ms: number): Interceptor {
  return (options, nextCall) => {
    const deadline = options.deadline ?? Date.now() + ms;
    return new InterceptingCall(nextCall({ ...options, deadline }));
  };
}

const metadataSetter: TextMapSetter<Metadata> = { set: (carrier, key, value) => carrier.set(key, value) };

const propagateTrace: Interceptor = (options, nextCall) =>
  new InterceptingCall(nextCall(options), {
    start(metadata, listener, next) {
      propagation.inject(context.active(), metadata, metadataSetter);
      next(metadata, listener);
    },
  });

export interface UnaryCallOptions {
  /** Sent as `authorization: Bearer <token>`. */
  token?: string;
  metadata?: Metadata;
  deadlineMs?: number;
}

type UnaryMethod<Req, Res> = (
  request: Req,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Res) => void,
) => ClientUnaryCall;

/**
 * Calls a ts-proto client method (bound: `client.getUser.bind(client)`) and resolves its response. A failed
 * call rejects with the AppError its status stands for (`cause` holds the ServiceError).
 */
export function unaryCall<Req, Res>(method: UnaryMethod<Req, Res>, request: Req, options: UnaryCallOptions = {}): Promise<Res> {
  const metadata = options.metadata?.clone() ?? new Metadata();
  if (options.token) metadata.set('authorization', `Bearer ${options.token}`);
  const callOptions: Partial<CallOptions> = options.deadlineMs ? { deadline: Date.now() + options.deadlineMs } : {};
  return new Promise<Res>((resolve, reject: (err: AppError) => void) => {
    method(request, metadata, callOptions, (err, response) => (err ? reject(fromServiceError(err)) : resolve(response)));
  });
}
