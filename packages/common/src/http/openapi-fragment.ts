// An HTTP service's routes as an OpenAPI 3.1 fragment generated from the zod schemas its routes already
// validate with, so the gateway can merge one document for the whole platform without importing any service.
// A gRPC service publishes the same kind of fragment for its RPCs (rpcOpenApiFragment): who may call each and the
// zod schema its request is validated with, which the gateway lays over the routes it reads from the protos.
import { createHash } from 'node:crypto';
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

/** `public`: anyone; `authenticated`: any valid token; a role list: a valid token holding one of them (as MethodAccess in grpc). */
type Access = 'public' | 'authenticated' | readonly string[];

export interface DocumentedRoute {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express-style (`/api/v1/products/:id`). */
  path: string;
  summary: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  /** The `data` of the success envelope; omitted for 204 answers. */
  response?: z.ZodType;
  /** Lists answer an array of `response` with page meta. */
  list?: boolean;
  status?: 200 | 201 | 204;
  /** Roles the route demands (any token when empty); omitted for public routes. */
  roles?: string[];
  /**
   * Error statuses the route answers beyond those every route of its kind may (see errorStatuses): e.g. 404 for
   * a resource named by the token rather than the path, 409 for a delete that something still refers to.
   */
  errors?: number[];
}

export interface OpenApiFragment {
  openapi: '3.1.0';
  info: { title: string; version: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> };
  /** rpcOpenApiFragment only: by gRPC method path (`/ecommerce.user.v1.UserService/GetUser`). */
  'x-rpcs'?: Record<string, RpcDescription>;
}

/** What the gateway cannot read from a .proto: who may call the RPC and what its request must satisfy. */
export interface RpcDescription {
  access: Access;
  /** JSON Schema of the request as ts-proto (lowerCamel) fields; `required` lists fields whose proto default is refused. */
  request?: JsonSchema;
  /** Error statuses beyond those of its kind, e.g. 404 for a resource named in the body rather than the path. */
  errors?: number[];
}

/** The error envelope every error status answers with (the gateway's components.responses.Error). */
export const ERROR_RESPONSE = { $ref: '#/components/responses/Error' } as const;

/**
 * The error statuses an operation may answer (DESIGN.md section 7), besides 429/503/504 which the gateway adds to
 * every operation: 400 for bad input (any request: a malformed query or path counts), 401 for a token that does
 * not verify (on any route, public ones included), 403 where roles are demanded, 404 where the path names a
 * resource, 409 and 422 where a write may conflict with or be refused by the current state, 413 (too large) and 415
 * (not JSON) where a body is taken.
 */
export function errorStatuses(op: { method: string; access: Access; pathParams: boolean; body: boolean; extra?: number[] }): number[] {
  const statuses = new Set([400, 401]);
  if (Array.isArray(op.access) && op.access.length > 0) statuses.add(403);
  if (op.pathParams) statuses.add(404);
  if (op.method !== 'get') {
    statuses.add(409);
    statuses.add(422);
  }
  if (op.body) {
    statuses.add(413);
    statuses.add(415);
  }
  for (const status of op.extra ?? []) statuses.add(status);
  return [...statuses].sort((a, b) => a - b);
}

export function openApiFragment(service: string, routes: DocumentedRoute[]): OpenApiFragment {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const components: Record<string, JsonSchema> = {};
  const schemaOf = (schema: z.ZodType, io: 'input' | 'output') => hoisted(toJsonSchema(schema, io), service, components);
  for (const route of routes) {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...parametersOf(route.params, 'path', schemaOf), ...parametersOf(route.query, 'query', schemaOf)];
    const status = String(route.status ?? (route.method === 'post' ? 201 : 200));
    const access: Access = route.roles === undefined ? 'public' : route.roles.length ? route.roles : 'authenticated';
    const errors = errorStatuses({ method: route.method, access, pathParams: Boolean(route.params), body: Boolean(route.body), extra: route.errors });
    const operation: JsonSchema = {
      operationId: `${service}_${route.method}_${openApiPath.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
      summary: route.summary,
      tags: [service],
      parameters,
      responses: {
        [status]: status === '204' || !route.response ? { description: 'No content' } : { description: 'OK', content: { 'application/json': { schema: envelope(route, schemaOf) } } },
        ...Object.fromEntries(errors.map((s) => [String(s), ERROR_RESPONSE])),
      },
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    if (access !== 'public') operation.security = [{ bearerAuth: [] }];
    (paths[openApiPath] ??= {})[route.method] = operation;
  }
  return { openapi: '3.1.0', info: { title: service, version: '1.0.0' }, paths, components: { schemas: components } };
}

/**
 * A gRPC service's fragment: for each RPC of `registration` (by its method path), who may call it and the zod
 * schema its handler validates the request with. Fields are the ts-proto names (the proto JSON names); a field is
 * listed as required when the schema refuses both its absence and its proto default ('' , 0, false, []), since a
 * proto3 field left out of a request arrives as its default.
 */
export function rpcOpenApiFragment(
  service: string,
  registration: { definition: Record<string, { path: string }>; access: Record<string, Access> },
  requests: Record<string, z.ZodObject | undefined>,
  /** By method: statuses an RPC answers beyond those of its kind (see RpcDescription.errors). */
  errors: Record<string, number[]> = {},
): OpenApiFragment {
  const rpcs: Record<string, RpcDescription> = {};
  for (const [method, { path }] of Object.entries(registration.definition)) {
    const schema = requests[method];
    rpcs[path] = {
      access: registration.access[method] ?? 'public',
      ...(schema ? { request: requestConstraints(schema) } : {}),
      ...(errors[method]?.length ? { errors: errors[method] } : {}),
    };
  }
  return { openapi: '3.1.0', info: { title: service, version: '1.0.0' }, paths: {}, components: { schemas: {} }, 'x-rpcs': rpcs };
}

function requestConstraints(schema: z.ZodObject): JsonSchema {
  const json = toJsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema> };
  const required: string[] = [];
  for (const [name, field] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    const fieldJson = json.properties?.[name] ?? {};
    if (field.safeParse(undefined).success) continue;
    const zero = protoDefault(fieldJson);
    if (zero === undefined || !field.safeParse(zero).success) required.push(name);
  }
  return { ...json, required };
}

/** The proto3 default a field's JSON Schema stands for (the ts-proto value, so an enum's is 0). */
function protoDefault(schema: JsonSchema): unknown {
  const type = schema.type ?? (Array.isArray(schema.anyOf) ? (schema.anyOf as JsonSchema[])[0]?.type : undefined);
  switch (type) {
    case 'string':
      return '';
    case 'integer':
    case 'number':
      return 0;
    case 'boolean':
      return false;
    case 'array':
      return [];
    default:
      return undefined;
  }
}

function envelope(route: DocumentedRoute, schemaOf: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema): JsonSchema {
  const data = schemaOf(route.response!, 'output');
  const properties: JsonSchema = { success: { const: true }, data: route.list ? { type: 'array', items: data } : data };
  if (route.list) properties.meta = { $ref: '#/components/schemas/PageMeta' };
  return { type: 'object', required: ['success', 'data'], properties };
}

function parametersOf(shape: z.ZodObject | undefined, location: 'path' | 'query', schemaOf: (schema: z.ZodType, io: 'input') => JsonSchema): JsonSchema[] {
  if (!shape) return [];
  const object = schemaOf(shape, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, schema]) => ({
    name,
    in: location,
    required: location === 'path' || (object.required ?? []).includes(name),
    schema,
  }));
}

/** JSON Schema 2020-12 (the dialect of OpenAPI 3.1); what JSON cannot say (transforms) is left open. */
function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}

/**
 * zod puts what a schema refers to more than once or recursively (a category tree's `children`) in `$defs`, with
 * references relative to the schema's own root; inside an OpenAPI document that root is the document. The
 * definitions move to components.schemas (as `<service>.<id>`, `<service>.<title>` for zod's numbered ones with
 * a `.meta({ title })`, else a content-derived name so equal definitions share one entry), and references follow.
 */
function hoisted(schema: JsonSchema, service: string, components: Record<string, JsonSchema>): JsonSchema {
  const { $defs, ...rest } = schema as JsonSchema & { $defs?: Record<string, JsonSchema> };
  if (!$defs) return rest;
  const names = new Map<string, string>();
  for (const [id, def] of Object.entries($defs)) {
    const label = /^__schema\d+$/.test(id) ? (typeof def.title === 'string' ? def.title : `Schema_${createHash('sha256').update(JSON.stringify(def)).digest('hex').slice(0, 10)}`) : id;
    const name = `${service}.${label}`;
    names.set(`#/$defs/${id}`, `#/components/schemas/${name}`);
  }
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? (names.get(v) ?? v) : rewrite(v)]));
  };
  for (const [id, def] of Object.entries($defs)) components[names.get(`#/$defs/${id}`)!.slice('#/components/schemas/'.length)] = rewrite(def) as JsonSchema;
  return rewrite(rest) as JsonSchema;
}
