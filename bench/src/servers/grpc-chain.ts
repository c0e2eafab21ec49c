// Baseline: the kit's gRPC server (startGrpcServer: tracing, metrics, access log, error mapping, deadline and JWT
// auth interceptors, health, reflection) with a handler answering one method from memory: against the bare
// grpc-js server from memory, the interceptor chain's own cost.
import 'reflect-metadata';
import { startGrpcServer, type MethodAccess } from '@ecommerce/common/grpc';
import { createJwtVerifier } from '@ecommerce/common/http';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics, initTracing } from '@ecommerce/common/observability';
import { Container } from 'inversify';
import { loadAnswer, type GrpcAnswerConfig } from './grpc-answer.js';
import { runServer, serve } from './serve.js';

interface Config extends GrpcAnswerConfig {
  /** PEM public key the callers' tokens are signed for. */
  jwtPublicKey: string;
  /** Who may call the method, as the real service declares it. */
  access: MethodAccess;
}

const IMPLEMENTATION = Symbol('FromMemory');

runServer(() =>
  serve<Config>(async (config) => {
    const { definition, answer } = await loadAnswer(config);
    const tracing = initTracing({ service: 'bench-chain' });
    const unimplemented = () => Promise.reject(new Error(`the bench calls ${config.method} only`));
    const impl = Object.fromEntries(Object.keys(definition).map((k) => [k, k === config.method ? () => Promise.resolve(answer) : unimplemented]));
    const container = new Container();
    container.bind(IMPLEMENTATION).toConstantValue(impl);
    const access = Object.fromEntries(Object.keys(definition).map((k) => [k, k === config.method ? config.access : 'public']));
    const server = await startGrpcServer({
      name: 'bench-chain',
      logger: createLogger({ service: 'bench-chain', level: 'silent' }),
      registry: createMetrics('bench-chain').registry,
      container,
      services: [{ definition, implementation: IMPLEMENTATION, access }],
      verifier: createJwtVerifier({ publicKey: config.jwtPublicKey }),
      port: 0,
      host: '127.0.0.1',
      drainMs: 1_000,
    });
    return { urls: { grpc: server.address }, stop: async () => (await server.stop(), await tracing.shutdown()) };
  }),
);
