// Publishes outbox rows through the transport and marks them sent, holding no transaction open while it publishes
// (rows are leased to it instead: outbox-claim.ts). Wakes on NOTIFY from the outbox trigger, polls as a fallback,
// sweeps failed rows with backoff, and prunes sent rows after retention.
import type { Knex } from 'knex';
import type { Logger } from 'pino';
import { backoffDelay, sleep, type BackoffPolicy } from './backoff.js';
import { toWireMessage } from './binary-mode.js';
import { OUTBOX_TABLE } from './outbox.js';
import { claimPending, type ClaimMode } from './outbox-claim.js';
import { OutboxListener } from './outbox-listener.js';
import { relayMetrics, type RelayMetrics } from './events-metrics.js';
import type { Registry } from 'prom-client';
import type { EventTransport } from './transport.js';

export interface OutboxRelayOptions {
  /** The service's Knex (search_path on its schema). */
  db: Knex;
  /** The service's schema: the trigger notifies channel `outbox_<schema>`. */
  schema: string;
  transport: EventTransport;
  logger?: Logger;
  batchSize?: number;
  /** Fallback poll when no notification arrives (default 1 s). */
  pollIntervalMs?: number;
  /** How often failed rows are retried when due (default 2 s). */
  sweepIntervalMs?: number;
  /** Delay before a failed row is tried again, growing with its attempts. */
  retryBackoff?: BackoffPolicy;
  /** Sent rows older than this are deleted (default 7 days). */
  retentionMs?: number;
  /** How often the relay prunes by itself; 0 when a housekeeping scheduler runs `prune()` instead. */
  pruneIntervalMs?: number;
  /** LISTEN for the trigger's notifications (default true); without it the relay only polls. */
  listen?: boolean;
  /** The service's Prometheus registry: published/failed counters and the outbox backlog gauges. */
  metrics?: Registry;
  /**
   * How long claimed rows stay this relay's while it publishes them (default 30 s). A relay that dies leaves its
   * rows to others after this; one slower than this may see them published twice (the inbox absorbs it).
   */
  claimLeaseMs?: number;
}

export class OutboxRelay {
  private readonly batchSize: number;
  private readonly claimLeaseMs: number;
  private readonly backoff: BackoffPolicy;
  private readonly stopping = new AbortController();
  private listener?: OutboxListener;
  private wake: () => void = () => {};
  private loops: Promise<void>[] = [];
  private readonly metrics?: RelayMetrics;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 200;
    this.claimLeaseMs = options.claimLeaseMs ?? 30_000;
    if (options.metrics) this.metrics = relayMetrics(options.metrics, options.db);
    this.backoff = options.retryBackoff ?? { initialDelayMs: 500, maxDelayMs: 60_000 };
  }

  async start(): Promise<void> {
    if (this.options.listen ?? true) {
      this.listener = new OutboxListener(this.options.db, `outbox_${this.options.schema}`, () => this.wake(), this.options.logger);
      await this.listener.start();
    }
    const signal = this.stopping.signal;
    const pruneIntervalMs = this.options.pruneIntervalMs ?? 3_600_000;
    this.loops = [
      this.every(this.options.sweepIntervalMs ?? 2_000, () => this.sweep()),
      ...(pruneIntervalMs > 0 ? [this.every(pruneIntervalMs, () => this.prune())] : []),
      this.relayLoop(signal),
    ];
  }

  /** Finishes the batch in flight, then stops; unsent rows wait for the next relay. */
  async stop(): Promise<void> {
    this.stopping.abort();
    this.wake();
    await Promise.all(this.loops);
    await this.listener?.stop();
  }

  /** Publishes every fresh row that can go now; returns how many were sent. */
  async drain(): Promise<number> {
    return this.publishAll('fresh');
  }

  /** Retries rows whose publish failed and whose backoff has elapsed. */
  async sweep(): Promise<number> {
    return this.publishAll('retry');
  }

  /** Deletes sent rows older than the retention period. */
  async prune(): Promise<number> {
    const retentionMs = this.options.retentionMs ?? 7 * 24 * 3_600_000;
    return this.options.db(OUTBOX_TABLE)
      .whereNotNull('sent_at')
      .where('sent_at', '<', this.options.db.raw(`now() - make_interval(secs => ?)`, [retentionMs / 1000]))
      .delete();
  }

  private async publishAll(mode: ClaimMode): Promise<number> {
    let total = 0;
    while (!this.stopping.signal.aborted) {
      const { claimed, sent } = await this.publishBatch(mode);
      total += sent;
      if (claimed < this.batchSize || sent === 0) break;
    }
    return total;
  }

  /** Claim (short statement), publish (no transaction open), then mark sent or failed (short statement). */
  private async publishBatch(mode: ClaimMode): Promise<{ claimed: number; sent: number }> {
    const { db, transport } = this.options;
    const rows = await claimPending(db, mode, this.batchSize, this.claimLeaseMs);
    if (rows.length === 0) return { claimed: 0, sent: 0 };
    const ids = rows.map((r) => r.id);
    try {
      await transport.publish(rows.map((r) => toWireMessage(r.topic, r.event_key, r.envelope)));
    } catch (err) {
      const attempts = Math.max(...rows.map((r) => r.attempts)) + 1;
      const delayMs = backoffDelay(this.backoff, attempts);
      await db(OUTBOX_TABLE).whereIn('id', ids).whereNull('sent_at').update({
        attempts: db.raw('attempts + 1'),
        last_error: String((err as Error)?.message ?? err).slice(0, 1000),
        next_attempt_at: db.raw(`now() + make_interval(secs => ?)`, [delayMs / 1000]),
      });
      this.metrics?.failures.inc();
      this.options.logger?.warn({ err, rows: rows.length, retry_in_ms: delayMs }, 'outbox publish failed; the sweeper retries');
      return { claimed: rows.length, sent: 0 };
    }
    await db(OUTBOX_TABLE).whereIn('id', ids).whereNull('sent_at').update({ sent_at: db.fn.now(), last_error: null });
    this.metrics?.published.inc(rows.length);
    return { claimed: rows.length, sent: rows.length };
  }

  private async relayLoop(signal: AbortSignal): Promise<void> {
    const poll = this.options.pollIntervalMs ?? 1_000;
    while (!signal.aborted) {
      // Armed before draining, so a notification that arrives mid-drain triggers another round.
      const woken = new AbortController();
      this.wake = () => woken.abort();
      await this.guard('relay', () => this.drain());
      if (!woken.signal.aborted) await sleep(poll, AbortSignal.any([woken.signal, signal]));
    }
  }

  private async every(ms: number, task: () => Promise<unknown>): Promise<void> {
    while (await sleep(ms, this.stopping.signal)) await this.guard('outbox maintenance', task);
  }

  /** A failed round (database restarting, broker down) is logged; the next round tries again. */
  private async guard(what: string, task: () => Promise<unknown>): Promise<void> {
    try {
      await task();
    } catch (err) {
      if (!this.stopping.signal.aborted) this.options.logger?.error({ err }, `${what} round failed`);
      await sleep(Math.min(this.options.pollIntervalMs ?? 1_000, 1_000), this.stopping.signal);
    }
  }
}
