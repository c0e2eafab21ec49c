// A project service (`@ecommerce/<name>`, started through its exported start<Name>(env)) in a process of its own,
// as the subject of a benchmark. Its env comes in the configuration line, on top of the inherited environment.
import { runServer, serve } from './serve.js';

interface Config {
  name: string;
  env: Record<string, string>;
}

interface Running {
  urls: Record<string, string | undefined>;
  stop(): Promise<void>;
}

runServer(() =>
  serve<Config>(async ({ name, env }) => {
    const module = (await import(`@ecommerce/${name}`)) as Record<string, unknown>;
    const startName = `start${name[0]!.toUpperCase()}${name.slice(1)}`;
    const start = module[startName];
    if (typeof start !== 'function') throw new Error(`@ecommerce/${name} exports no ${startName}`);
    const running = (await start({ ...process.env, ...env })) as Running;
    const urls = Object.fromEntries(Object.entries(running.urls).filter((e): e is [string, string] => typeof e[1] === 'string'));
    return { urls, stop: () => running.stop() };
  }),
);
