// In-process transport for embedded mode and fast tests: partitioned logs, consumer groups with
// committed offsets, per-key order and redelivery of uncommitted work, as Kafka does.
import type { WireMessage } from './binary-mode.js';
import { Group, type Log } from './in-process-group.js';
import type { EventTransport, ReceivedMessage, SubscribeOptions, Subscription } from './transport.js';

export interface InProcessTransportOptions {
  /** Partitions per topic (default 3), so per-key order is tested with more than one partition. */
  partitions?: number;
  /** Pause before redelivering a message whose handler rejected (default 50 ms). */
  redeliveryDelayMs?: number;
  /**
   * Messages kept per partition (default 100,000); older ones are dropped like Kafka's size retention,
   * so a long `make dev` session does not grow without bound.
   */
  retainPerPartition?: number;
}


export function createInProcessTransport(options: InProcessTransportOptions = {}): EventTransport {
  return new InProcessTransport(options.partitions ?? 3, options.redeliveryDelayMs ?? 50, options.retainPerPartition ?? 100_000);
}

export class InProcessTransport implements EventTransport {
  readonly kind = 'in-process' as const;
  private readonly topics = new Map<string, Log[]>();
  private readonly groups = new Map<string, Group>();
  private closed = false;

  constructor(
    private readonly partitions: number,
    readonly redeliveryDelayMs: number,
    private readonly retain: number,
  ) {}

  async publish(messages: WireMessage[]): Promise<void> {
    if (this.closed) throw new Error('in-process transport is closed');
    for (const message of messages) {
      const logs = this.logsOf(message.topic);
      const partition = partitionOf(message.key, logs.length);
      const log = logs[partition]!;
      log.messages.push({ ...message, headers: { ...message.headers }, partition, offset: String(log.base + log.messages.length) });
      const excess = log.messages.length - this.retain;
      if (excess > 0) {
        log.messages.splice(0, excess);
        log.base += excess;
      }
      for (const wake of log.waiters.splice(0)) wake();
    }
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    if (this.closed) throw new Error('in-process transport is closed');
    let group = this.groups.get(options.group);
    if (!group) {
      group = new Group(this);
      this.groups.set(options.group, group);
    }
    return group.join(options);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.groups.values()].map((g) => g.leaveAll()));
  }

  logsOf(topic: string): Log[] {
    let logs = this.topics.get(topic);
    if (!logs) {
      logs = Array.from({ length: this.partitions }, () => ({ base: 0, messages: [], waiters: [] }));
      this.topics.set(topic, logs);
    }
    return logs;
  }
}

/** FNV-1a: stable key -> partition, so one key always lands in one partition. */
function partitionOf(key: string, count: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}
