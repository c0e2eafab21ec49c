// runService, the one composition root: what a service opens is closed in reverse order on stop, and at once
// when start-up fails halfway; configuration is validated before anything opens.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError } from '../../src/config/index.js';
import { baseEnv } from '../../src/config/index.js';
import { eventsEnv } from '../../src/events/index.js';
import { runService, type ServiceDefinition } from '../../src/lifecycle/index.js';
import { createTestDatabase, postgresAdminUrl } from '../../src/testing/index.js';
import { createEventsDatabase } from '../events/support/events-database.js';

const env = baseEnv.extend(eventsEnv.shape).extend({ GREETING: z.string().min(1).default('hello') });

function probe(log: string[], options: { failAfterOpening?: boolean } = {}): ServiceDefinition<typeof env> {
  return {
    name: 'probe',
    env,
    async start(ctx) {
      for (const resource of ['database', 'events', 'server']) {
        log.push(`open ${resource}`);
        ctx.onStop(() => log.push(`close ${resource}`));
      }
      if (options.failAfterOpening) throw new Error('port 8080 is taken');
      return { http: `http://probe/${ctx.config.GREETING}/${ctx.config.RUN_MODE}` };
    },
  };
}

const baseVars = { DATABASE_URL: 'postgres://u:p@127.0.0.1:1/none', LOG_LEVEL: 'silent' };

describe('runService', () => {
  it('returns the urls and closes every resource in reverse order of opening, once', async () => {
    const log: string[] = [];
    const service = await runService(probe(log), { ...baseVars, GREETING: 'hi' });
    expect(service.urls).toEqual({ http: 'http://probe/hi/embedded' });
    await Promise.all([service.stop(), service.stop()]);
    expect(log).toEqual(['open database', 'open events', 'open server', 'close server', 'close events', 'close database']);
  });

  it('closes what was opened when start-up fails halfway, and rethrows', async () => {
    const log: string[] = [];
    await expect(runService(probe(log, { failAfterOpening: true }), baseVars)).rejects.toThrow('port 8080 is taken');
    expect(log.filter((l) => l.startsWith('close'))).toEqual(['close server', 'close events', 'close database']);
  });

  it('refuses bad configuration naming the variable, before anything opens', async () => {
    const log: string[] = [];
    const attempt = runService(probe(log), { ...baseVars, DATABASE_URL: 'mysql://nope' });
    await expect(attempt).rejects.toThrow(ConfigError);
    await expect(attempt).rejects.toThrow(/DATABASE_URL/);
    expect(log).toEqual([]);
  });

  it('still closes the rest when one close fails, and reports the failure', async () => {
    const log: string[] = [];
    const service = await runService(
      {
        name: 'probe',
        env,
        async start(ctx) {
          ctx.onStop(() => log.push('close database'));
          ctx.onStop(() => {
            throw new Error('server would not close');
          });
          return {};
        },
      },
      baseVars,
    );
    await expect(service.stop()).rejects.toThrow('server would not close');
    expect(log).toEqual(['close database']);
  });

  it('opens the service schema and its outbox relay, and a distributed start without brokers names KAFKA_BROKERS', async () => {
    const db = await createTestDatabase(postgresAdminUrl(), 'run_service');
    try {
      const attempt = runService(
        {
          name: 'probe',
          env,
          async start(ctx) {
            await ctx.events(ctx.database());
            return {};
          },
        },
        { ...baseVars, DATABASE_URL: db.url, RUN_MODE: 'distributed' },
      );
      await expect(attempt).rejects.toThrow(/KAFKA_BROKERS is required in distributed mode/);
    } finally {
      await db.drop();
    }
  });

  it('prunes old inbox and sent outbox rows through the one housekeeping scheduler it starts with the events', async () => {
    const database = await createEventsDatabase('probe');
    try {
      let rounds: unknown;
      const service = await runService(
        {
          name: 'probe',
          env,
          async start(ctx) {
            const db = ctx.database();
            await ctx.events(db);
            await database.admin(
              "INSERT INTO probe.inbox_events (consumer_group, event_id, event_type, processed_at) VALUES ('g', 'old', 'a.b.c', now() - interval '30 days'), ('g', 'new', 'a.b.c', now())",
            );
            rounds = await ctx.housekeeping(db).runOnce();
            return {};
          },
        },
        { ...baseVars, DATABASE_URL: database.url },
      );
      await service.stop();
      expect(rounds).toEqual({ ran: true, removed: { 'prune-inbox': 1, 'prune-outbox': 0 } });
      expect((await database.admin('SELECT event_id FROM probe.inbox_events')).rows).toEqual([{ event_id: 'new' }]);
    } finally {
      await database.close();
    }
  });
});
