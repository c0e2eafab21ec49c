// One kafkajs consumer in a group: messages handed over one at a time per partition, offsets committed
// only for finished messages, so a stop drains and a kill leaves everything unfinished to be redelivered.
import type { Consumer } from 'kafkajs';
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
        let finished: string | undefined;
        for (const m of batch.messages) {
          if (this.state !== 'running' || !isRunning() || isStale()) break;
          const headers: Record<string, string> = {};
          for (const [name, value] of Object.entries(m.headers ?? {})) {
            if (value !== undefined) headers[name] = Array.isArray(value) ? String(value[0]) : String(value);
          }
          const message: ReceivedMessage = {
            topic,
            partition,
            offset: m.offset,
            key: m.key?.toString() ?? '',
            headers,
            value: m.value === null ? null : m.value.toString(),
          };
          const outcome = await Promise.race([
            this.options.onMessage(message).then(() => 'done' as const, () => 'failed' as const),
            this.killed,
          ]);
          if (outcome === 'killed') return; // a crash commits nothing
          if (outcome === 'failed') {
            await new Promise((r) => setTimeout(r, this.redeliveryDelayMs));
            break; // unresolved: fetched again from this offset
          }
          resolveOffset(m.offset);
          finished = m.offset;
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
