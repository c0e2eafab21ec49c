// HTTP baselines in their own processes (see ../servers/): bodies from memory, the bare reverse proxy, node:http+pg.
import { startServerProcess, type ServerProcess } from './server-process.js';

export const startStaticHttpProcess = (body: string): Promise<ServerProcess> => startServerProcess('static-http', { body });

export const startExpressStaticProcess = (body: string, route: string): Promise<ServerProcess> => startServerProcess('express-static', { body, route });

export const startHttpProxyProcess = (upstream: string): Promise<ServerProcess> => startServerProcess('http-proxy', { upstream });

export const startCatalogNodePgProcess = (databaseUrl: string, poolMax = 10): Promise<ServerProcess> =>
  startServerProcess('catalog-node-pg', { databaseUrl, schema: 'catalog', poolMax });
