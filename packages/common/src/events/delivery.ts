// How both transports hand a partition's messages to a subscriber: in batches through `onBatch` when it has one,
// otherwise one at a time through `onMessage`. Shared so the in-process transport behaves as Kafka does.
import type { ReceivedMessage, SubscribeOptions } from './transport.js';

export const DEFAULT_MAX_BATCH_SIZE = 100;

/** How many consecutive messages of a partition one delivery takes. */
export function deliverySize(options: SubscribeOptions): number {
  return options.onBatch ? Math.max(1, options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE) : 1;
}

/** Resolves with how many of `messages`, from the first, finished; rejects when none did. */
export async function deliver(options: SubscribeOptions, messages: ReceivedMessage[]): Promise<number> {
  if (options.onBatch) return Math.min(messages.length, await options.onBatch(messages));
  await options.onMessage(messages[0]!);
  return 1;
}
