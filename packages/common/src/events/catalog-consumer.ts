// Consuming catalog events with typed handlers: one handler per event type, keyed by the catalog's type names
// (a misspelt or unknown type fails to compile), each run at most once per event in an inbox transaction that
// is also the handler's unit of work, so the events it records commit with its effect.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { CloudEvent } from './cloud-event.js';
import { startEventConsumer, type DeliveryInfo, type RetryPolicy } from './consumer.js';
import { parsePayload, type EventCatalogShape, type PayloadOf } from './event-catalog.js';
import { INBOX_TABLE } from './inbox.js';
import type { EventTransport, Subscription } from './transport.js';
import { knexTransaction, type EventRecorder, type Transaction, type UnitOfWork } from './unit-of-work.js';

export interface HandlerContext<C extends EventCatalogShape, K extends keyof C & string> {
  event: CloudEvent;
  delivery: DeliveryInfo;
  tx: Transaction;
  events: EventRecorder<C, K>;
}

export type CatalogHandlers<C extends EventCatalogShape, K extends keyof C & string = keyof C & string> = {
  [T in keyof C & string]?: (data: PayloadOf<C[T]>, ctx: HandlerContext<C, K>) => Promise<void>;
};

export interface CatalogConsumerSettings<C extends EventCatalogShape, K extends keyof C & string> {
  catalog: C;
  /** Consumer group: the consuming service's name. */
  group: string;
  transport: EventTransport;
  /** The service's unit of work: its transaction holds the inbox row, the handler's writes and its events. */
  uow: UnitOfWork<C, K>;
  handlers: CatalogHandlers<C, K>;
  logger?: Logger;
  metrics?: Registry;
  retry?: Partial<RetryPolicy>;
}

/** Subscribes to the topics of the handled types; other types on those topics are passed over. */
export function consumeCatalogEvents<C extends EventCatalogShape, K extends keyof C & string>(
  settings: CatalogConsumerSettings<C, K>,
): Promise<Subscription> {
  const handled = Object.keys(settings.handlers) as Array<keyof C & string>;
  if (handled.length === 0) throw new Error(`${settings.group}: no event handlers given`);
  const topics = [...new Set(handled.map((type) => settings.catalog[type]!.topic))].sort();
  return startEventConsumer({
    transport: settings.transport,
    group: settings.group,
    topics,
    ...(settings.logger ? { logger: settings.logger } : {}),
    ...(settings.metrics ? { metrics: settings.metrics } : {}),
    ...(settings.retry ? { retry: settings.retry } : {}),
    handler: async (event, delivery) => {
      const handler = settings.handlers[event.type as keyof C & string];
      const spec = settings.catalog[event.type];
      if (!handler || !spec) return;
      await settings.uow.run(async (tx, events) => {
        const inserted = await knexTransaction(tx)(INBOX_TABLE)
          .insert({ consumer_group: settings.group, event_id: event.id, event_type: event.type })
          .onConflict(['consumer_group', 'event_id'])
          .ignore()
          .returning('event_id');
        if (inserted.length === 0) return; // already processed
        await handler(parsePayload(spec, event) as PayloadOf<C[keyof C & string]>, { event, delivery, tx, events });
      });
    },
  });
}
