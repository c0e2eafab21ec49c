// Unary calls to any method in the registry over one channel per upstream address, encoded from the descriptors
// (no generated client needed). Clients come from the grpc kit: default deadline, UNAVAILABLE retries, trace
// context in the metadata.
import { fromBinary, toBinary, type DescMethod, type Message } from '@bufbuild/protobuf';
import { createGrpcClient, fromServiceError } from '@ecommerce/common/grpc';
import { Client, Metadata } from '@grpc/grpc-js';

export interface InvokeOptions {
  metadata: Record<string, string | undefined>;
  deadlineMs: number;
}

export class GrpcInvoker {
  private readonly clients = new Map<string, Client>();

  constructor(private readonly defaultDeadlineMs: number) {}

  /** Rejects with the AppError the status stands for (field violations included). */
  invoke(address: string, method: DescMethod, request: Message, options: InvokeOptions): Promise<Message> {
    const client = this.clientFor(address);
    const metadata = new Metadata();
    for (const [key, value] of Object.entries(options.metadata)) if (value) metadata.set(key, value);
    const path = `/${method.parent.typeName}/${method.name}`;
    return new Promise((resolve, reject) => {
      client.makeUnaryRequest(
        path,
        (message: Message) => Buffer.from(toBinary(method.input, message)),
        (bytes: Buffer) => fromBinary(method.output, bytes),
        request,
        metadata,
        { deadline: Date.now() + options.deadlineMs },
        (err, response) => (err ? reject(fromServiceError(err)) : resolve(response!)),
      );
    });
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    this.clients.clear();
  }

  private clientFor(address: string): Client {
    let client = this.clients.get(address);
    if (!client) {
      client = createGrpcClient(Client, { address, deadlineMs: this.defaultDeadlineMs });
      this.clients.set(address, client);
    }
    return client;
  }
}
