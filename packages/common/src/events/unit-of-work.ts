// The unit of work: a use case's writes and the integration events it decides commit together. Events
// recorded through `run` reach the outbox in the same transaction, so storage code never decides which events
// happen, and a nested `run` (a use case called from an event handler's inbox transaction) joins the outer one.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Knex } from 'knex';
import type { CloudEvent } from './cloud-event.js';
import { envelopeOf, type EventCatalogShape, type NewEvent, type PayloadOf } from './event-catalog.js';
import { publishAllInTransaction } from './outbox.js';

declare const TRANSACTION: unique symbol;
/** An open transaction as biz sees it: opaque, so biz needs no Knex; data/ opens it with `knexTransaction`. */
export interface Transaction {
  readonly [TRANSACTION]: true;
}

/** Event types of catalog `C` that service `S` may emit: its own (`<S>.<aggregate>.<verb>`). */
export type EmittableBy<C, S extends string> = Extract<keyof C & string, `${S}.${string}`>;

export interface EventRecorder<C extends EventCatalogShape, K extends keyof C & string = keyof C & string> {
  /** Records an event of type `type`; it is written to the outbox when the unit of work commits. */
  record<T extends K>(type: T, event: NewEvent<PayloadOf<C[T]>>): void;
}

export interface UnitOfWork<C extends EventCatalogShape, K extends keyof C & string = keyof C & string> {
  run<T>(work: (tx: Transaction, events: EventRecorder<C, K>) => Promise<T>): Promise<T>;
}

export function knexTransaction(tx: Transaction): Knex.Transaction {
  return tx as unknown as Knex.Transaction;
}

export interface KnexUnitOfWorkSettings<C extends EventCatalogShape, S extends string = string> {
  db: Knex;
  catalog: C;
  /** The producing service: the CloudEvents source `/ecommerce/<service>`, and the only prefix it may emit. */
  service: S;
}

interface Ambient {
  tx: Knex.Transaction;
  events: CloudEvent[];
}

/** The unit of work of `service`, typed to record only its own event types (`user` may emit `user.*`). */
export function serviceUnitOfWork<C extends EventCatalogShape, S extends string>(settings: KnexUnitOfWorkSettings<C, S>): KnexUnitOfWork<C, EmittableBy<C, S>> {
  return new KnexUnitOfWork<C, EmittableBy<C, S>>(settings);
}

export class KnexUnitOfWork<C extends EventCatalogShape, K extends keyof C & string = keyof C & string> implements UnitOfWork<C, K> {
  private readonly ambient = new AsyncLocalStorage<Ambient>();
  private readonly listeners = new Set<(events: readonly CloudEvent[]) => void>();

  constructor(private readonly settings: KnexUnitOfWorkSettings<C>) {}

  async run<T>(work: (tx: Transaction, events: EventRecorder<C, K>) => Promise<T>): Promise<T> {
    const outer = this.ambient.getStore();
    if (outer) return work(outer.tx as unknown as Transaction, this.recorder(outer.events));
    const recorded: CloudEvent[] = [];
    const result = await this.settings.db.transaction((tx) =>
      this.ambient.run({ tx, events: recorded }, async () => {
        const value = await work(tx as unknown as Transaction, this.recorder(recorded));
        await publishAllInTransaction(tx, recorded);
        return value;
      }),
    );
    for (const listener of this.listeners) listener(recorded);
    return result;
  }

  /** Calls `listener` with the events of every committed unit of work (tests assert what a use case emitted). */
  onCommit(listener: (events: readonly CloudEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private recorder(into: CloudEvent[]): EventRecorder<C, K> {
    const { catalog, service } = this.settings;
    return {
      record: (type, event) => {
        const spec = catalog[type];
        if (!spec) throw new Error(`unknown event type ${String(type)}`);
        if (!spec.type.startsWith(`${service}.`)) throw new Error(`${service} may not emit ${spec.type}: another service owns it`);
        into.push(envelopeOf(spec, `/ecommerce/${service}`, event as NewEvent<PayloadOf<typeof spec>>));
      },
    };
  }
}
