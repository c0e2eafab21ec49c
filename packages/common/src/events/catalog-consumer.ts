// Consuming catalog events with typed handlers: one handler per event type, keyed by the catalog's type names
// (a misspelt or unknown type fails to compile), each run at most once per event in an inbox transaction that
// is also the handler's unit of work, so the events it records commit with its effect. Consecutive events of a
// partition share one such transaction (one inbox insert); a failing one is then retried alone.
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { CloudEvent } from './cloud-event.js';
import { startEventConsumer, type DeliveryInfo, type EventHandler, type RetryPolicy } from './consumer.js';
import { parsePayload, type EventCatalogShape, type PayloadOf } from './event-catalog.js';
import { recordInInbox } from './inbox.js';
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
    handler: catalogHandler(settings),
  });
}

/** One event alone, or a batch in one unit of work with one inbox insert; types without a handler are passed over. */
function catalogHandler<C extends EventCatalogShape, K extends keyof C & string>(settings: CatalogConsumerSettings<C, K>): EventHandler {
  const handles = (event: CloudEvent) => settings.handlers[event.type as keyof C & string] !== undefined && settings.catalog[event.type] !== undefined;
  const apply = (event: CloudEvent, delivery: DeliveryInfo, tx: Transaction, events: EventRecorder<C, K>) => {
    const handler = settings.handlers[event.type as keyof C & string]!;
    return handler(parsePayload(settings.catalog[event.type]!, event) as PayloadOf<C[keyof C & string]>, { event, delivery, tx, events });
  };
  const single: EventHandler = async (event, delivery) => {
    if (!handles(event)) return;
    await settings.uow.run(async (tx, events) => {
      const fresh = await recordInInbox(knexTransaction(tx), settings.group, [event]);
      if (fresh.size === 0) return; // already processed
      await apply(event, delivery, tx, events);
    });
  };
  single.batch = async (items) => {
    const mine = items.filter((i) => handles(i.event));
    if (mine.length === 0) return;
    await settings.uow.run(async (tx, events) => {
      const fresh = await recordInInbox(knexTransaction(tx), settings.group, mine.map((i) => i.event));
      for (const { event, delivery, within } of mine) {
        if (fresh.delete(event.id)) await within(() => apply(event, delivery, tx, events));
      }
    });
  };
  return single;
}
