// A dedicated connection LISTENing for the outbox trigger's notifications; reconnects after errors.
// The relay polls too, so a lost notification only delays an event by one poll interval.
import type { Knex } from 'knex';
import pg from 'pg';
import type { Logger } from 'pino';
import { sleep } from './backoff.js';

export class OutboxListener {
  private client?: pg.Client;
  private readonly stopped = new AbortController();

  constructor(
    private readonly db: Knex,
    private readonly channel: string,
    private readonly onNotify: () => void,
    private readonly logger?: Logger,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.client?.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    const connection = (this.db.client as { config: { connection: string | pg.ClientConfig } }).config.connection;
    const client = new pg.Client(typeof connection === 'string' ? { connectionString: connection } : { ...connection });
    client.on('notification', (msg) => {
      if (msg.channel === this.channel) this.onNotify();
    });
    client.on('error', (err) => {
      this.logger?.warn({ err }, 'outbox LISTEN connection lost; reconnecting');
      void this.reconnect(client);
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(this.channel)}`);
    this.client = client;
  }

  private async reconnect(dead: pg.Client): Promise<void> {
    await dead.end().catch(() => {});
    while (!this.stopped.signal.aborted && this.client === dead) {
      try {
        await this.connect();
        this.onNotify(); // rows may have arrived while deaf
        return;
      } catch {
        await sleep(1_000, this.stopped.signal);
      }
    }
  }
}
