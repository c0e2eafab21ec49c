// The one interface both transports (Kafka, in-process) implement; the outbox relay and consumers use only this.
import type { WireMessage } from './binary-mode.js';

export interface ReceivedMessage extends Omit<WireMessage, 'value'> {
  /** Null for a Kafka tombstone, which is never a valid event. */
  value: string | null;
  partition: number;
  offset: string;
}

export interface SubscribeOptions {
  /** Consumer group; by convention the consuming service's name. Each group sees every message once. */
  group: string;
  topics: string[];
  /**
   * Called one message at a time per partition, in partition (so per-key) order. When it resolves the
   * offset counts as finished and is committed; when it rejects nothing is committed and the message
   * is delivered again.
   */
  onMessage(message: ReceivedMessage): Promise<void>;
  /**
   * Optional, used instead of `onMessage` when given: up to `maxBatchSize` consecutive messages of one partition,
   * in partition order. Resolves with how many of them, from the first, finished: those are committed and the rest
   * are delivered again; a rejection finishes none.
   */
  onBatch?(messages: ReceivedMessage[]): Promise<number>;
  /** The most messages one `onBatch` call gets (default 100). */
  maxBatchSize?: number;
  /** Where a group with no committed offset starts; default: the beginning (no event is missed). */
  fromBeginning?: boolean;
}

export interface Subscription {
  /** Graceful: stops fetching, lets in-flight handlers finish, commits what finished, leaves the group. */
  stop(): Promise<void>;
  /**
   * What a crashed process leaves behind: in-flight work is abandoned and nothing more is committed,
   * so the group redelivers every uncommitted message. For fault tests and fatal errors.
   */
  kill(): Promise<void>;
}

export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  /** Publishes in the given order; messages with the same topic and key keep it. Creates missing topics. */
  publish(messages: WireMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  close(): Promise<void>;
}
