// A tiny JSON-encoded gRPC service for exercising the kit without generated code.
import { makeGenericClientConstructor, type Client, type Metadata, type CallOptions, type ClientUnaryCall, type ServiceError } from '@grpc/grpc-js';

const encode = (value: unknown) => Buffer.from(JSON.stringify(value));
const decode = (bytes: Buffer) => JSON.parse(bytes.toString()) as Record<string, unknown>;

function unary(name: string) {
  return {
    path: `/test.v1.ProbeService/${name}`,
    requestStream: false as const,
    responseStream: false as const,
    requestSerialize: encode,
    requestDeserialize: decode,
    responseSerialize: encode,
    responseDeserialize: decode,
    originalName: name,
  };
}

export const ProbeService = {
  echo: unary('Echo'),
  whoAmI: unary('WhoAmI'),
  adminOnly: unary('AdminOnly'),
  slow: unary('Slow'),
  explode: unary('Explode'),
  flaky: unary('Flaky'),
  missing: unary('Missing'),
};

type Method = (
  request: Record<string, unknown>,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Record<string, unknown>) => void,
) => ClientUnaryCall;

export type ProbeClient = Client & { [K in keyof typeof ProbeService]: Method };

export const ProbeClient = makeGenericClientConstructor(ProbeService, 'test.v1.ProbeService') as unknown as new (
  ...args: ConstructorParameters<ReturnType<typeof makeGenericClientConstructor>>
) => ProbeClient;
