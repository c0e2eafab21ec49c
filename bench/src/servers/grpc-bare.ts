// Baseline: a bare grpc-js server answering one method from memory (every other method fails loudly), the floor
// of what grpc-js itself costs for that message.
import { Server, type sendUnaryData } from '@grpc/grpc-js';
import { bindLocal } from './grpc-listen.js';
import { loadAnswer, type GrpcAnswerConfig } from './grpc-answer.js';
import { runServer, serve } from './serve.js';

runServer(() =>
  serve<GrpcAnswerConfig>(async (config) => {
    const { definition, answer } = await loadAnswer(config);
    const server = new Server();
    const unimplemented = () => {
      throw new Error(`the bench calls ${config.method} only`);
    };
    const handlers = Object.fromEntries(Object.keys(definition).map((k) => [k, unimplemented]));
    server.addService(definition, { ...handlers, [config.method]: (_call: unknown, callback: sendUnaryData<unknown>) => callback(null, answer) });
    return bindLocal(server);
  }),
);
