// An HTTP service's routes as an OpenAPI 3.1 fragment generated from the zod schemas its routes already
// validate with, so the gateway can merge one document for the whole platform without importing any service.
import { z } from 'zod';

type JsonSchema = Record<string, unknown>;

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
}

export interface OpenApiFragment {
  openapi: '3.1.0';
  info: { title: string; version: string };
  paths: Record<string, Record<string, JsonSchema>>;
  components: { schemas: Record<string, JsonSchema> };
}

export function openApiFragment(service: string, routes: DocumentedRoute[]): OpenApiFragment {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    const openApiPath = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')];
    const status = String(route.status ?? (route.method === 'post' ? 201 : 200));
    const operation: JsonSchema = {
      operationId: `${service}_${route.method}_${openApiPath.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_|_$/g, '')}`,
      summary: route.summary,
      tags: [service],
      parameters,
      responses: {
        [status]: status === '204' || !route.response ? { description: 'No content' } : { description: 'OK', content: { 'application/json': { schema: envelope(route) } } },
        default: { $ref: '#/components/responses/Error' },
      },
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(route.body, 'input') } } };
    if (route.roles) operation.security = [{ bearerAuth: [] }];
    (paths[openApiPath] ??= {})[route.method] = operation;
  }
  return { openapi: '3.1.0', info: { title: service, version: '1.0.0' }, paths, components: { schemas: {} } };
}

function envelope(route: DocumentedRoute): JsonSchema {
  const data = schemaOf(route.response!, 'output');
  const properties: JsonSchema = { success: { const: true }, data: route.list ? { type: 'array', items: data } : data };
  if (route.list) properties.meta = { $ref: '#/components/schemas/PageMeta' };
  return { type: 'object', required: ['success', 'data'], properties };
}

function parametersOf(shape: z.ZodObject | undefined, location: 'path' | 'query'): JsonSchema[] {
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
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
  return rest;
}
