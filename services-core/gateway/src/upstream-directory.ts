// Where each upstream lives, from the environment: lite services by their URL variable (upstreams.ts; and
// <NAME>_TIMEOUT_MS to change the time to headers it is given), core
// services by <SERVICE>_GRPC_ADDRESS for every service the protos bind routes to (and <SERVICE>_URL, optional, for
// its OpenAPI fragment). Unset means "not deployed": its routes stay out of the gateway, its readiness and its
// OpenAPI document.
import { ConfigError } from '@ecommerce/common/config';
import type { HttpBinding } from './transcode/http-rules.js';
import { LITE_UPSTREAMS, type LiteUpstreamSpec } from './upstreams.js';

export interface LiteUpstream {
  spec: LiteUpstreamSpec;
  url: URL;
}

export interface CoreUpstream {
  name: string;
  address: string;
  /** <SERVICE>_URL, its HTTP port: where its /openapi.json (roles and request constraints of each RPC) is read. */
  url?: URL;
}

export interface UpstreamDirectory {
  lite: LiteUpstream[];
  core: CoreUpstream[];
}

type Env = Record<string, string | undefined>;

export function resolveUpstreams(env: Env, bindings: HttpBinding[]): UpstreamDirectory {
  const lite: LiteUpstream[] = [];
  for (const spec of LITE_UPSTREAMS) {
    const { url } = httpUrl(env, spec.urlVariable);
    if (!url) continue;
    const timeout = env[`${spec.name.toUpperCase()}_TIMEOUT_MS`];
    if (timeout !== undefined && !/^[1-9]\d{0,6}$/.test(timeout)) throw new ConfigError(`${spec.name.toUpperCase()}_TIMEOUT_MS`, 'is invalid: must be milliseconds, 1 to 9999999');
    lite.push({ spec: timeout ? { ...spec, timeoutMs: Number(timeout) } : spec, url });
  }
  const core: CoreUpstream[] = [];
  for (const name of new Set(bindings.map((b) => b.upstream))) {
    const variable = `${name.toUpperCase()}_GRPC_ADDRESS`;
    const address = env[variable];
    if (!address) continue;
    if (!/^[\w.-]+:\d+$/.test(address)) throw new ConfigError(variable, 'is invalid: must be host:port');
    core.push({ name, address, ...httpUrl(env, `${name.toUpperCase()}_URL`) });
  }
  return { lite, core };
}

function httpUrl(env: Env, variable: string): { url?: URL } {
  const raw = env[variable];
  if (!raw) return {};
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(variable, 'is invalid: must be an http(s) URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(variable, 'is invalid: must be an http(s) URL');
  return { url };
}
