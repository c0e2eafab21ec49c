// OpenAPI operations of the transcoded RPCs, from the same bindings the router uses: path variables as path
// parameters, the body mapping as the request body, the other request fields (flattened, dotted) as query
// parameters, the response message inside the success envelope. What a .proto cannot say comes from the core
// service's own fragment when it publishes one (RpcDescription, by gRPC method path): who may call the RPC
// (security, 403) and what its request must satisfy (formats, patterns, lengths, ranges, required fields), from
// the zod schema its handler validates with. Without it, an operation says only what the proto says, and is
// documented as needing a token.
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import { ERROR_RESPONSE, errorStatuses, type RpcDescription } from '@ecommerce/common/http';
import type { HttpBinding } from '../transcode/http-rules.js';
import { ProtoSchemas, type JsonSchema } from './proto-schemas.js';

export interface OpenApiPaths {
  paths: Record<string, Record<string, JsonSchema>>;
  schemas: Record<string, JsonSchema>;
}

/** The gRPC method path of a binding's RPC, as core services' fragments name them. */
export function rpcPath(binding: HttpBinding): string {
  return `/${binding.service.typeName}/${binding.method.name}`;
}

export function protoPaths(bindings: HttpBinding[], rpcs: Record<string, RpcDescription> = {}): OpenApiPaths {
  const schemas = new ProtoSchemas();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const binding of bindings) {
    const rpc = rpcs[rpcPath(binding)];
    const constraints = requestConstraints(rpc);
    const constrained = (field: DescField, schema: JsonSchema) => constrain(field, schema, constraints.properties[field.jsonName]);
    const pathFields = new Set(binding.path.variables.map((v) => v.fieldPath));
    const parameters: JsonSchema[] = binding.path.variables.map((v) => ({
      name: v.fieldPath,
      in: 'path',
      required: true,
      schema: leafSchema(binding.method.input, v.fieldPath, schemas, constrained),
    }));
    if (binding.body !== '*') {
      for (const { name, field, depth } of queryFields(binding.method.input, { proto: '', json: '' }, pathFields, new Set([binding.body]), 0)) {
        const schema = depth === 0 ? constrained(field, schemas.field(field)) : schemas.field(field);
        parameters.push({ name, in: 'query', required: depth === 0 && constraints.required.has(field.jsonName), schema, ...(field.fieldKind === 'list' ? { explode: true } : {}) });
      }
    }
    // Without the service's word on the RPC: core services authorize every call they are not told is public, so
    // a token (of some role) is taken to be needed, and any error status of a write to be possible.
    const access = rpc ? rpc.access : ['some role'];
    const errors = errorStatuses({ method: binding.verb, access, pathParams: binding.path.variables.length > 0, body: Boolean(binding.body), extra: rpc ? rpc.errors ?? [] : [404, 409, 422] });
    const operation: JsonSchema = {
      operationId: `${binding.service.name}_${binding.method.name}`,
      summary: `${binding.service.typeName}.${binding.method.name}`,
      tags: [binding.upstream],
      parameters,
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: successEnvelope(responseSchema(binding, schemas)) } } },
        ...Object.fromEntries(errors.map((s) => [String(s), ERROR_RESPONSE])),
      },
    };
    if (access !== 'public') operation.security = [{ bearerAuth: [] }];
    if (binding.body) {
      const bodyField = binding.body === '*' ? undefined : binding.method.input.fields.find((f) => f.name === binding.body);
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: bodyField ? constrained(bodyField, schemas.field(bodyField)) : wholeBody(binding.method.input, pathFields, schemas, constrained, constraints.required) } },
      };
    }
    (paths[binding.path.openApiPath] ??= {})[binding.verb] = operation;
  }
  return { paths, schemas: schemas.components };
}

function responseSchema(binding: HttpBinding, schemas: ProtoSchemas): JsonSchema {
  const field = binding.responseBody ? binding.method.output.fields.find((f) => f.name === binding.responseBody) : undefined;
  return field ? schemas.field(field) : schemas.ref(binding.method.output);
}

export function successEnvelope(data: JsonSchema, meta = false): JsonSchema {
  const properties: Record<string, JsonSchema> = { success: { const: true }, data };
  if (meta) properties.meta = { $ref: '#/components/schemas/PageMeta' };
  return { type: 'object', required: ['success', 'data'], properties };
}

type Constrain = (field: DescField, schema: JsonSchema) => JsonSchema;

function leafSchema(message: DescMessage, fieldPath: string, schemas: ProtoSchemas, constrained: Constrain): JsonSchema {
  let current: DescMessage | undefined = message;
  let field: DescField | undefined;
  const segments = fieldPath.split('.');
  for (const segment of segments) {
    field = current?.fields.find((f) => f.name === segment);
    current = field?.fieldKind === 'message' ? field.message : undefined;
  }
  if (!field) return { type: 'string' };
  return segments.length === 1 ? constrained(field, schemas.field(field)) : schemas.field(field);
}

/**
 * `body: "*"`: the request message without the fields the path already carries (a body that repeats them is not
 * what a client should send), constrained and with its required fields, refusing unknown ones as proto JSON does.
 */
function wholeBody(message: DescMessage, pathFields: Set<string>, schemas: ProtoSchemas, constrained: Constrain, required: Set<string>): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of message.fields) {
    if (pathFields.has(field.name)) continue;
    properties[field.jsonName] = constrained(field, schemas.field(field));
  }
  const names = Object.keys(properties).filter((name) => required.has(name));
  return { type: 'object', properties, ...(names.length ? { required: names } : {}), additionalProperties: false };
}

/** Scalar, enum and repeated-scalar fields reachable through singular message fields (three levels deep at most). */
function queryFields(message: DescMessage, prefix: { proto: string; json: string }, skip: Set<string>, skipTop: Set<string>, depth: number): { name: string; field: DescField; depth: number }[] {
  const out: { name: string; field: DescField; depth: number }[] = [];
  for (const field of message.fields) {
    const protoPath = `${prefix.proto}${field.name}`;
    if (skip.has(protoPath) || (depth === 0 && skipTop.has(field.name))) continue;
    const name = `${prefix.json}${field.jsonName}`;
    if (field.fieldKind === 'scalar' || field.fieldKind === 'enum') out.push({ name, field, depth });
    else if (field.fieldKind === 'list' && field.listKind !== 'message') out.push({ name, field, depth });
    else if (field.fieldKind === 'message' && depth < 3 && !field.message.typeName.startsWith('google.protobuf.')) {
      out.push(...queryFields(field.message, { proto: `${protoPath}.`, json: `${name}.` }, skip, skipTop, depth + 1));
    }
  }
  return out;
}

function requestConstraints(rpc: RpcDescription | undefined): { properties: Record<string, JsonSchema>; required: Set<string> } {
  const request = (rpc?.request ?? {}) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return { properties: request.properties ?? {}, required: new Set(request.required ?? []) };
}

/** Keywords of a service's (zod) schema that narrow a value without changing how proto JSON spells it. */
const STRING_KEYWORDS = ['format', 'pattern', 'minLength', 'maxLength'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'];
const ARRAY_KEYWORDS = ['minItems', 'maxItems'];

/**
 * The proto-JSON schema of `field`, narrowed by the service's constraint where both speak of the same JSON type:
 * strings (not 64-bit integers, which proto JSON also spells as strings), 32-bit numbers, repeated values, and
 * enums (the service validates the numbers; the document keeps the names of the values it allows).
 */
function constrain(field: DescField, schema: JsonSchema, constraint: JsonSchema | undefined): JsonSchema {
  if (!constraint || '$ref' in schema) return schema;
  if (field.fieldKind === 'list') {
    if (constraint.type !== 'array') return schema;
    const items = constrainValue(schema.items as JsonSchema, constraint.items as JsonSchema | undefined, field);
    return { ...schema, ...pick(constraint, ARRAY_KEYWORDS), items };
  }
  return constrainValue(schema, constraint, field);
}

function constrainValue(schema: JsonSchema, constraint: JsonSchema | undefined, field: DescField): JsonSchema {
  if (!constraint || '$ref' in schema) return schema;
  const kind = field.fieldKind === 'list' ? field.listKind : field.fieldKind;
  if (kind === 'enum' && Array.isArray(schema.enum)) {
    const allowed = allowedNumbers(constraint);
    if (!allowed) return schema;
    const desc = field.fieldKind === 'enum' ? field.enum : field.fieldKind === 'list' && field.listKind === 'enum' ? field.enum : undefined;
    return desc ? { ...schema, enum: desc.values.filter((v) => allowed.has(v.number)).map((v) => v.name) } : schema;
  }
  if (schema.type === 'string' && schema.format !== 'int64' && constraint.type === 'string') return { ...schema, ...pick(constraint, STRING_KEYWORDS) };
  if (schema.type === 'integer' && (constraint.type === 'integer' || constraint.type === 'number')) return { ...schema, ...pick(constraint, NUMBER_KEYWORDS) };
  if (schema.type === 'number' && constraint.type === 'number') return { ...schema, ...pick(constraint, NUMBER_KEYWORDS) };
  return schema;
}

/** The numbers a zod union of literals (or an enum of numbers) lets through, or undefined when it says otherwise. */
function allowedNumbers(constraint: JsonSchema): Set<number> | undefined {
  const options = Array.isArray(constraint.anyOf) ? (constraint.anyOf as JsonSchema[]) : [constraint];
  const numbers = new Set<number>();
  for (const option of options) {
    if (typeof option.const === 'number') numbers.add(option.const);
    else if (Array.isArray(option.enum) && option.enum.every((v) => typeof v === 'number')) for (const v of option.enum as number[]) numbers.add(v);
    else return undefined;
  }
  return numbers;
}

function pick(schema: JsonSchema, keys: string[]): JsonSchema {
  return Object.fromEntries(keys.filter((k) => schema[k] !== undefined).map((k) => [k, schema[k]]));
}
