// Chooses the transport at start-up: Kafka when distributed (KAFKA_BROKERS required), in-process when embedded.
import type { Logger } from 'pino';
import { z } from 'zod';
import { ConfigError } from '../config/load-config.js';
import { createInProcessTransport } from './in-process-transport.js';
import { createKafkaTransport } from './kafka-transport.js';
import type { EventTransport } from './transport.js';

/** Event variables every service reads; extend a service's env schema with it. */
export const eventsEnv = z.object({
  /** `distributed`: one process per service, KAFKA_BROKERS required; `embedded`: `make dev`'s single process. */
  RUN_MODE: z.enum(['embedded', 'distributed']).default('distributed'),
  KAFKA_BROKERS: z.string().optional(),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(1000).default(3),
});

export type EventsEnv = z.infer<typeof eventsEnv>;

export interface TransportSettings {
  /** `distributed`: one process per service, events over Kafka; `embedded`: one process, in-process events. */
  mode: 'distributed' | 'embedded';
  env: EventsEnv;
  clientId: string;
  logger?: Logger;
}

/** Throws ConfigError naming KAFKA_BROKERS when distributed mode has none: no silent fallback. */
export function createEventTransport(settings: TransportSettings): EventTransport {
  const brokers = parseBrokers(settings.env.KAFKA_BROKERS);
  if (settings.mode === 'embedded' && brokers.length === 0) return createInProcessTransport({ partitions: settings.env.KAFKA_TOPIC_PARTITIONS });
  if (brokers.length === 0) {
    throw new ConfigError('KAFKA_BROKERS', 'is required in distributed mode (comma-separated host:port list, e.g. kafka:9092)');
  }
  return createKafkaTransport({
    brokers,
    clientId: settings.clientId,
    partitions: settings.env.KAFKA_TOPIC_PARTITIONS,
    ...(settings.logger ? { logger: settings.logger } : {}),
  });
}

export function parseBrokers(value: string | undefined): string[] {
  const brokers = (value ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  for (const b of brokers) {
    if (!/^[^:\s]+:\d{1,5}$/.test(b)) throw new ConfigError('KAFKA_BROKERS', `is invalid: ${b} is not host:port`);
  }
  return brokers;
}
