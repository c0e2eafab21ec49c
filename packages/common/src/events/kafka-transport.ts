// Kafka transport (kafkajs): idempotent producer, topics created with the configured partitions and led before use,
// CloudEvents attributes and trace context in headers, offsets committed only for finished messages.
import { Kafka, logLevel as KafkaLogLevel, Partitioners, type Admin, type Producer, type LogEntry } from 'kafkajs';
import type { Logger } from 'pino';
import type { WireMessage } from './binary-mode.js';
import { deadLetterTopic } from './cloud-event.js';
import { KafkaSubscription } from './kafka-subscription.js';
import { createTopicsAndWaitForLeaders } from './kafka-topics.js';
import type { EventTransport, SubscribeOptions, Subscription } from './transport.js';

export interface KafkaTransportOptions {
  /** Bootstrap servers, e.g. ['127.0.0.1:9092'] (KAFKA_BROKERS split on commas). */
  brokers: string[];
  clientId: string;
  /** Partitions of topics this transport creates (default 3). */
  partitions?: number;
  replicationFactor?: number;
  logger?: Logger;
  /** Pause before a message whose handler rejected is fetched again (default 200 ms). */
  redeliveryDelayMs?: number;
  /** Partitions one consumer handles at once (default 3); each stays sequential, so per-key order holds. */
  partitionsConsumedConcurrently?: number;
}

export function createKafkaTransport(options: KafkaTransportOptions): EventTransport {
  return new KafkaTransport(options);
}

class KafkaTransport implements EventTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly known = new Set<string>();
  private producer?: Promise<Producer>;
  private admin?: Promise<Admin>;
  private readonly subscriptions = new Set<Subscription>();

  constructor(private readonly options: KafkaTransportOptions) {
    const logger = options.logger;
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: logger ? KafkaLogLevel.WARN : KafkaLogLevel.NOTHING,
      logCreator: () => (entry: LogEntry) => {
        const { message, ...rest } = entry.log;
        if (entry.level <= KafkaLogLevel.ERROR) logger?.error(rest, `kafka: ${message}`);
        else logger?.warn(rest, `kafka: ${message}`);
      },
      retry: { initialRetryTime: 100, retries: 8 },
    });
  }

  async publish(messages: WireMessage[]): Promise<void> {
    if (messages.length === 0) return;
    await this.ensureTopics(messages.map((m) => m.topic));
    const producer = await this.producerOnce();
    const byTopic = new Map<string, WireMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.ensureTopics(options.topics.flatMap((t) => [t, deadLetterTopic(t)]));
    const consumer = this.kafka.consumer({
      groupId: options.group,
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      maxWaitTimeInMs: 250,
      allowAutoTopicCreation: false,
    });
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? true });
    const subscription = new KafkaSubscription(consumer, options, this.options.redeliveryDelayMs ?? 200, this.options.partitionsConsumedConcurrently ?? 3);
    await subscription.run();
    this.subscriptions.add(subscription);
    const forget = <T>(fn: () => Promise<T>) => async () => {
      this.subscriptions.delete(subscription);
      await fn();
    };
    return { stop: forget(() => subscription.stop()), kill: forget(() => subscription.kill()) };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.subscriptions.clear();
    if (this.producer) await (await this.producer).disconnect();
    if (this.admin) await (await this.admin).disconnect();
  }

  private producerOnce(): Promise<Producer> {
    this.producer ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        createPartitioner: Partitioners.DefaultPartitioner, // Java client's murmur2: same key, same partition
      });
      await producer.connect();
      return producer;
    })().catch((err) => {
      this.producer = undefined;
      throw err;
    });
    return this.producer;
  }

  private async ensureTopics(topics: string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((t) => !this.known.has(t));
    if (missing.length === 0) return;
    this.admin ??= (async () => {
      const admin = this.kafka.admin();
      await admin.connect();
      return admin;
    })().catch((err) => {
      this.admin = undefined;
      throw err;
    });
    await createTopicsAndWaitForLeaders(await this.admin, missing, {
      partitions: this.options.partitions ?? 3,
      replicationFactor: this.options.replicationFactor ?? 1,
    });
    for (const t of missing) this.known.add(t);
  }
}
