// One kafkajs consumer in a group: messages handed over in order per partition (one at a time, or in batches to a
// subscriber with onBatch), offsets committed only for finished messages, so a stop drains and a kill leaves
// everything unfinished to be redelivered.
import type { Consumer, KafkaMessage } from 'kafkajs';
import { deliver, deliverySize } from './delivery.js';
import type { ReceivedMessage, SubscribeOptions, Subscription } from './transport.js';

export class KafkaSubscription implements Subscription {
  private state: 'running' | 'stopping' | 'killed' = 'running';
  private onKill: () => void = () => {};
  private readonly killed = new Promise<'killed'>((resolve) => (this.onKill = () => resolve('killed')));

  constructor(
    private readonly consumer: Consumer,
    private readonly options: SubscribeOptions,
    private readonly redeliveryDelayMs: number,
    private readonly concurrency: number,
  ) {}

  async run(): Promise<void> {
    await this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: this.concurrency,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
        const { topic, partition } = batch;
        const size = deliverySize(this.options);
        let finished: string | undefined;
        for (let start = 0; start < batch.messages.length; start += size) {
          if (this.state !== 'running' || !isRunning() || isStale()) break;
          const chunk = batch.messages.slice(start, start + size).map((m) => received(topic, partition, m));
          const outcome = await Promise.race([deliver(this.options, chunk).catch(() => 0), this.killed]);
          if (outcome === 'killed') return; // a crash commits nothing
          if (outcome > 0) {
            finished = chunk[outcome - 1]!.offset;
            resolveOffset(finished);
          }
          if (outcome < chunk.length) {
            if (this.state === 'running') await new Promise((r) => setTimeout(r, this.redeliveryDelayMs));
            break; // the unfinished rest is fetched again from its offset
          }
          await heartbeat();
        }
        if (finished !== undefined && this.state !== 'killed') {
          // Through the batch's own commit: consumer.commitOffsets is dropped once stop() has begun.
          const offset = (BigInt(finished) + 1n).toString();
          await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
        }
      },
    });
  }

  async stop(): Promise<void> {
    if (this.state !== 'running') return;
    this.state = 'stopping';
    await this.consumer.disconnect();
  }

  async kill(): Promise<void> {
    if (this.state === 'killed') return;
    this.state = 'killed';
    this.onKill();
    await this.consumer.disconnect();
  }
}

function received(topic: string, partition: number, m: KafkaMessage): ReceivedMessage {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
  }
  return { topic, partition, offset: m.offset, key: m.key?.toString() ?? '', headers, value: m.value === null ? null : m.value.toString() };
}
