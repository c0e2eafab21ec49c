// Starts a gRPC server from an Inversify container: resolves each registered implementation, wraps every unary
// method in the interceptor chain, adds health and reflection, and stops gracefully.
import { Server, ServerCredentials, type sendUnaryData, type ServerUnaryCall, type UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Container } from 'inversify';
import type { Registry } from 'prom-client';
import { AppError } from '../errors/app-error.js';
import type { JwtVerifier } from '../http/jwt.js';
import type { Logger } from '../logger/logger.js';
import { authInterceptor } from './auth.js';
import type { CallContext } from './call-context.js';
import { deadlineInterceptor } from './deadline.js';
import { errorMappingInterceptor } from './error-mapper.js';
import { HealthReporter } from './health.js';
import { composeInterceptors, type UnaryCall, type UnaryInterceptor } from './interceptor.js';
import { accessLogInterceptor, metricsInterceptor, tracingInterceptor } from './observe-calls.js';
import { addReflection } from './reflection.js';
import { refuseUndecodable, withUndecodableRequestsMarked } from './undecodable-request.js';
import type { GrpcServiceRegistration } from './service-registration.js';

export interface GrpcServerSettings {
  /** Service name for spans and logs, e.g. `user`. */
  name: string;
  logger: Logger;
  registry: Registry;
  container: Container;
  services: GrpcServiceRegistration[];
  verifier: JwtVerifier;
  /** FileDescriptorSet of the served APIs (see @ecommerce/proto/descriptors), for reflection. */
  descriptorSet?: Buffer;
  port: number;
  host?: string;
  /** Health follows it: checked at start and every `readinessIntervalMs`. */
  readiness?: () => Promise<boolean>;
  readinessIntervalMs?: number;
  /** How long in-flight calls may run after stop() before they are cut. */
  drainMs?: number;
}

export interface GrpcServerHandle {
  port: number;
  /** `127.0.0.1:port`, ready for a client. */
  address: string;
  health: HealthReporter;
  /** NOT_SERVING, stop accepting, drain in-flight calls (cut after drainMs). */
  stop(): Promise<void>;
}

export async function startGrpcServer(settings: GrpcServerSettings): Promise<GrpcServerHandle> {
  const server = new Server({ 'grpc.keepalive_permit_without_calls': 1 });
  const interceptors: UnaryInterceptor[] = [
    tracingInterceptor(settings.name),
    metricsInterceptor(settings.registry),
    accessLogInterceptor(settings.logger),
    errorMappingInterceptor(settings.logger),
    deadlineInterceptor(),
    authInterceptor(settings.verifier),
  ];
  const serviceNames: string[] = [];
  for (const registration of settings.services) {
    serviceNames.push(serviceNameOf(registration));
    server.addService(withUndecodableRequestsMarked(registration.definition), wrapService(registration, settings.container, interceptors));
  }
  const health = new HealthReporter(serviceNames);
  health.addToServer(server);
  addReflection(server, settings.descriptorSet, [...serviceNames, 'grpc.health.v1.Health']);

  const host = settings.host ?? '0.0.0.0';
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`${host}:${settings.port}`, ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound)));
  });

  const checkReadiness = async () => {
    const ready = settings.readiness ? await settings.readiness().catch(() => false) : true;
    if (!stopping) health.set(ready);
  };
  let stopping: Promise<void> | undefined;
  await checkReadiness();
  const poll = setInterval(() => void checkReadiness(), settings.readinessIntervalMs ?? 5_000);
  poll.unref();

  return {
    port,
    address: `${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${port}`,
    health,
    stop() {
      stopping ??= new Promise<void>((resolve) => {
        clearInterval(poll);
        health.set(false);
        const cutoff = setTimeout(() => server.forceShutdown(), settings.drainMs ?? 10_000);
        cutoff.unref();
        server.tryShutdown(() => {
          clearTimeout(cutoff);
          resolve();
        });
      });
      return stopping;
    },
  };
}

function serviceNameOf(registration: GrpcServiceRegistration): string {
  const first = Object.values(registration.definition)[0];
  if (!first) throw new Error('a gRPC service definition without methods');
  return first.path.split('/')[1]!;
}

function wrapService(
  registration: GrpcServiceRegistration,
  container: Container,
  interceptors: UnaryInterceptor[],
): UntypedServiceImplementation {
  type Handler = (req: unknown, ctx: CallContext) => Promise<unknown>;
  const impl = container.get(registration.implementation) as Record<string, Handler | undefined>;
  const wrapped: UntypedServiceImplementation = {};
  for (const [key, method] of Object.entries(registration.definition)) {
    if (method.requestStream || method.responseStream) {
      throw new Error(`${method.path}: the gRPC kit serves unary methods only`);
    }
    const handler = impl[key];
    const access = registration.access[key];
    if (typeof handler !== 'function') throw new Error(`${method.path}: the implementation has no method ${key}`);
    if (access === undefined) throw new Error(`${method.path}: no access rule`);
    const [, service = '', name = ''] = method.path.split('/');
    const run = composeInterceptors(interceptors, (call) => {
      refuseUndecodable(call.request);
      return handler.call(impl, call.request, call.ctx);
    });
    wrapped[key] = (call: ServerUnaryCall<unknown, unknown>, callback: sendUnaryData<unknown>) => {
      const abort = new AbortController();
      const rawDeadline = call.getDeadline();
      const deadline = rawDeadline instanceof Date ? rawDeadline : Number.isFinite(rawDeadline) ? new Date(rawDeadline) : undefined;
      let finished = false;
      // grpc-js also emits `cancelled` when a finished call's stream closes: only a running call is aborted.
      const receivedAt = Date.now();
      call.on('cancelled', () => {
        if (finished) return;
        abort.abort(cancelledByDeadline(deadline, receivedAt) ? new AppError('deadline_exceeded', 'deadline exceeded') : new AppError('aborted', 'call cancelled'));
      });
      const ctx: CallContext = { method: method.path, metadata: call.metadata, signal: abort.signal, ...(deadline ? { deadline } : {}) };
      const unaryCall: UnaryCall = { service, method: name, call, ctx, request: call.request, access, abort };
      run(unaryCall).then(
        (response) => {
          finished = true;
          callback(null, response);
        },
        (failure: unknown) => {
          finished = true;
          callback(failure as Parameters<sendUnaryData<unknown>>[0]);
        },
      );
    };
  }
  return wrapped;
}

/**
 * Whether a client's cancellation is its deadline passing. The client cancels when its own clock says so, which
 * is before this server's copy of the deadline by the time the request took to arrive (milliseconds, or far more
 * on a loaded machine); so a cancellation in the last half of the call's time (at most the last second) counts.
 */
export function cancelledByDeadline(deadline: Date | undefined, receivedAt: number, now = Date.now()): boolean {
  if (!deadline) return false;
  const remaining = deadline.getTime() - now;
  const window = Math.min(1_000, (deadline.getTime() - receivedAt) / 2);
  return remaining <= window;
}
