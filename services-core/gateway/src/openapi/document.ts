// /openapi.json: the transcoded routes (from the protos, narrowed by each core service's fragment: roles and request
// constraints of its RPCs) plus each lite service's own fragment (served by the service at /openapi.json,
// generated from its zod schemas), merged into one OpenAPI 3.1 document. A fragment that cannot be fetched yet
// (service still starting) is fetched again on the next request. Every operation also lists the statuses the
// gateway itself may answer with: 429 (rate limit), 431 (request line and headers over Node's 16 KiB: a long query
// string), 503 (upstream down or its circuit open), 504 (upstream too slow).
import { ERROR_RESPONSE, type RpcDescription } from '@ecommerce/common/http';
import type { HttpBinding } from '../transcode/http-rules.js';
import type { CoreUpstream, LiteUpstream } from '../upstream-directory.js';
import { protoPaths } from './proto-paths.js';
import type { JsonSchema } from './proto-schemas.js';

interface Fragment {
  paths?: Record<string, Record<string, JsonSchema>>;
  components?: { schemas?: Record<string, JsonSchema> };
  'x-rpcs'?: Record<string, RpcDescription>;
}

/** Statuses of the gateway's own making, possible on every operation. */
export const GATEWAY_STATUSES = [429, 431, 503, 504];

export class OpenApiDocument {
  private readonly fragments = new Map<string, Fragment>();
  private readonly coreFragments = new Map<string, Fragment>();

  constructor(
    private readonly bindings: HttpBinding[],
    private readonly lite: LiteUpstream[],
    private readonly fetchTimeoutMs: number,
    private readonly core: CoreUpstream[] = [],
  ) {}

  async build(): Promise<JsonSchema> {
    await Promise.all([
      ...this.lite.filter(({ spec }) => !this.fragments.has(spec.name)).map(({ spec, url }) => this.fetchFragment(this.fragments, spec.name, url)),
      ...this.core.filter(({ name, url }) => url && !this.coreFragments.has(name)).map(({ name, url }) => this.fetchFragment(this.coreFragments, name, url!)),
    ]);
    const rpcs = Object.assign({}, ...[...this.coreFragments.values()].map((f) => f['x-rpcs'] ?? {})) as Record<string, RpcDescription>;
    const core = protoPaths(this.bindings, rpcs);
    const paths: Record<string, Record<string, JsonSchema>> = { ...core.paths };
    const schemas: Record<string, JsonSchema> = { ...BASE_SCHEMAS, ...core.schemas };
    for (const { spec } of this.lite) {
      const fragment = this.fragments.get(spec.name);
      if (!fragment) continue;
      // A service documents only what the gateway routes to it.
      for (const [path, item] of Object.entries(fragment.paths ?? {})) {
        if (spec.prefixes.some((p) => path === p || path.startsWith(`${p}/`))) paths[path] = tagged(item, spec.name);
      }
      Object.assign(schemas, fragment.components?.schemas ?? {});
    }
    for (const item of Object.values(paths)) for (const op of Object.values(item)) withGatewayStatuses(op);
    return {
      openapi: '3.1.0',
      info: { title: 'E-commerce API', version: '1.0.0', description: 'Every REST route of the platform, served through the gateway. Errors use the envelope in components.schemas.ErrorEnvelope.' },
      servers: [{ url: '/' }],
      tags: [...new Set([...this.lite.filter(({ spec }) => this.fragments.has(spec.name)).map(({ spec }) => spec.name), ...Object.values(core.paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags as string[]))])].map((name) => ({ name })),
      paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
      components: {
        schemas,
        responses: { Error: { description: 'Failure', content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } } } },
        securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      },
      security: [{}, { bearerAuth: [] }],
    };
  }

  private async fetchFragment(into: Map<string, Fragment>, name: string, url: URL): Promise<void> {
    try {
      const response = await fetch(new URL('/openapi.json', url), { signal: AbortSignal.timeout(this.fetchTimeoutMs) });
      if (response.ok) into.set(name, (await response.json()) as Fragment);
    } catch {
      // Not there yet: the document goes out without it and the next request tries again.
    }
  }
}

function withGatewayStatuses(operation: JsonSchema): void {
  const responses = (operation.responses ??= {}) as Record<string, JsonSchema>;
  for (const status of GATEWAY_STATUSES) responses[String(status)] ??= ERROR_RESPONSE;
}

function tagged(item: Record<string, JsonSchema>, tag: string): Record<string, JsonSchema> {
  return Object.fromEntries(Object.entries(item).map(([method, op]) => [method, { ...op, tags: [tag] }]));
}

const BASE_SCHEMAS: Record<string, JsonSchema> = {
  PageMeta: {
    type: 'object',
    required: ['page', 'limit', 'total'],
    properties: { page: { type: 'integer' }, limit: { type: 'integer' }, total: { type: 'integer' } },
  },
  ErrorEnvelope: {
    type: 'object',
    required: ['success', 'error'],
    properties: {
      success: { const: false },
      error: {
        type: 'object',
        required: ['code', 'message', 'details'],
        properties: {
          code: { type: 'string', examples: ['INVALID_ARGUMENT', 'NOT_FOUND'] },
          message: { type: 'string' },
          details: {
            type: 'array',
            items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
          },
        },
      },
    },
  },
};
