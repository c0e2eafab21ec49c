// A tiny JSON-encoded gRPC service with two commands, for exercising idempotency keys without generated code.
import { makeGenericClientConstructor, type CallOptions, type Client, type ClientUnaryCall, type Metadata, type ServiceError } from '@grpc/grpc-js';

type Message = Record<string, unknown>;
const encode = (value: Message) => Buffer.from(JSON.stringify(value));
const decode = (bytes: Buffer) => JSON.parse(bytes.toString()) as Message;

function unary(name: string) {
  return {
    path: `/test.v1.OrderProbe/${name}`,
    requestStream: false as const,
    responseStream: false as const,
    requestSerialize: encode,
    requestDeserialize: decode,
    responseSerialize: encode,
    responseDeserialize: decode,
    originalName: name,
  };
}

export const OrderProbe = {
  placeOrder: unary('PlaceOrder'),
  cancelOrder: unary('CancelOrder'),
};

type Method = (
  request: Message,
  metadata: Metadata,
  options: Partial<CallOptions>,
  callback: (error: ServiceError | null, response: Message) => void,
) => ClientUnaryCall;

export type OrderProbeClient = Client & { [K in keyof typeof OrderProbe]: Method };

export const OrderProbeClient = makeGenericClientConstructor(OrderProbe, 'test.v1.OrderProbe') as unknown as new (
  ...args: ConstructorParameters<ReturnType<typeof makeGenericClientConstructor>>
) => OrderProbeClient;
