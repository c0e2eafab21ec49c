// What every producing service starts at boot: its transport (shared or its own) and its outbox relay,
// stopped in reverse order. Consumers are started by the service itself, on the returned transport.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import { OutboxRelay } from './outbox-relay.js';
import { createEventTransport, type EventsEnv } from './transport-config.js';
import type { EventTransport } from './transport.js';

export interface ServiceEventsSettings {
  /** Service name: the outbox schema, the Kafka client id and, by convention, the consumer group. */
  service: string;
  /** The schema holding the outbox; defaults to the service name. */
  schema?: string;
  db: Knex;
  env: EventsEnv;
  logger?: Logger;
  metrics?: Registry;
  /** The process's one in-process transport in embedded mode; without it one is made from `env`. */
  transport?: EventTransport;
  /** False when a housekeeping scheduler prunes sent rows (runService's does); the relay then does not. */
  relayPrunes?: boolean;
}

export interface ServiceEvents {
  transport: EventTransport;
  relay: OutboxRelay;
  /** Stops the relay, then closes the transport if this call created it. */
  stop(): Promise<void>;
}

/** Throws ConfigError naming KAFKA_BROKERS in distributed mode without brokers, before anything is opened. */
export async function startServiceEvents(settings: ServiceEventsSettings): Promise<ServiceEvents> {
  const owned = settings.transport === undefined;
  const transport =
    settings.transport ??
    createEventTransport({
      mode: settings.env.RUN_MODE,
      env: settings.env,
      clientId: settings.service,
      ...(settings.logger ? { logger: settings.logger } : {}),
    });
  const relay = new OutboxRelay({
    db: settings.db,
    schema: settings.schema ?? settings.service,
    transport,
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.metrics ? { metrics: settings.metrics } : {}),
    ...(settings.relayPrunes === false ? { pruneIntervalMs: 0 } : {}),
  });
  try {
    await relay.start();
  } catch (err) {
    if (owned) await transport.close();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  return {
    transport,
    relay,
    stop() {
      stopping ??= (async () => {
        await relay.stop();
        if (owned) await transport.close();
      })();
      return stopping;
    },
  };
}
