// Builds the gRPC request of a transcoded call from the three places HTTP carries it: path variables, query
// parameters (dotted for nested fields, repeated keys for repeated fields) and the body, as proto-JSON, then
// decodes it with the request descriptor. Anything that does not fit is a 400 naming the field.
import { fromJson, ScalarType, type DescField, type DescMessage, type FileRegistry, type JsonObject, type JsonValue, type Message } from '@bufbuild/protobuf';
import { ValidationError } from '@ecommerce/common/errors';
import type { HttpBinding } from './http-rules.js';

export interface HttpRequestParts {
  pathParams: Record<string, string | string[]>;
  query: URLSearchParams;
  body: unknown;
}

export function buildRequest(binding: HttpBinding, parts: HttpRequestParts, registry: FileRegistry): Message {
  const input = binding.method.input;
  const json: JsonObject = {};
  const bound = new Set<string>();

  if (binding.body === '*') {
    // Every field not in the path comes from the body; a query parameter would be silently lost.
    const stray = parts.query.keys().next();
    if (!stray.done) throw new ValidationError([{ field: stray.value, message: 'is not accepted as a query parameter here; send it in the body' }]);
    Object.assign(json, bodyObject(parts.body));
  } else if (binding.body) {
    if (parts.body !== undefined) json[binding.body] = parts.body as JsonValue;
    bound.add(binding.body);
  }
  if (binding.body !== '*') {
    for (const key of new Set(parts.query.keys())) {
      const values = parts.query.getAll(key);
      const fields = resolveFieldPath(input, key);
      const leaf = fields[fields.length - 1]!;
      if (leaf.fieldKind === 'message' || leaf.fieldKind === 'map') {
        throw new ValidationError([{ field: key, message: 'is a message; set its fields as query parameters instead' }]);
      }
      if (bound.has(fields[0]!.name)) throw new ValidationError([{ field: key, message: 'is carried in the body' }]);
      setPath(json, fields, leaf.fieldKind === 'list' ? values.map((v) => scalarJson(leaf, v)) : scalarJson(leaf, values[values.length - 1]!));
    }
  }
  for (const variable of binding.path.variables) {
    const raw = parts.pathParams[variable.param];
    const value = Array.isArray(raw) ? raw.join('/') : raw;
    if (value === undefined) continue;
    const fields = resolveFieldPath(input, variable.fieldPath);
    setPath(json, fields, scalarJson(fields[fields.length - 1]!, value));
  }

  try {
    return fromJson(input, json, { registry });
  } catch (err) {
    throw new ValidationError([{ field: fieldNamedIn(err, input), message: describeDecodeFailure(err) }]);
  }
}

function bodyObject(body: unknown): JsonObject {
  if (body === undefined || body === null || body === '') return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw new ValidationError([{ field: 'body', message: 'must be a JSON object' }]);
  return body as JsonObject;
}

/** `user.display_name` or `user.displayName` -> the field descriptors along the way. */
function resolveFieldPath(message: DescMessage, path: string): DescField[] {
  const fields: DescField[] = [];
  let current: DescMessage | undefined = message;
  for (const segment of path.split('.')) {
    const field: DescField | undefined = current?.fields.find((f) => f.name === segment || f.jsonName === segment);
    if (!field) throw new ValidationError([{ field: path, message: 'is not a field of this request' }]);
    fields.push(field);
    current = field.fieldKind === 'message' ? field.message : undefined;
  }
  return fields;
}

function setPath(json: JsonObject, fields: DescField[], value: JsonValue): void {
  let target = json;
  for (const field of fields.slice(0, -1)) {
    const next = target[field.jsonName];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) target[field.jsonName] = {};
    target = target[field.jsonName] as JsonObject;
  }
  target[fields[fields.length - 1]!.jsonName] = value;
}

/** Query and path values are text; proto-JSON wants booleans as JSON booleans (numbers may stay strings). */
function scalarJson(field: DescField, text: string): JsonValue {
  if (field.fieldKind === 'scalar' || field.fieldKind === 'list') {
    const isBool = field.fieldKind === 'scalar' ? field.scalar === ScalarType.BOOL : field.listKind === 'scalar' && field.scalar === ScalarType.BOOL;
    if (isBool) {
      if (text === 'true' || text === 'false') return text === 'true';
      throw new ValidationError([{ field: field.name, message: 'must be true or false' }]);
    }
  }
  return text;
}

/** @bufbuild/protobuf names the field it could not decode (`... field ecommerce.x.v1.Req.page_size ...`). */
function fieldNamedIn(err: unknown, input: DescMessage): string {
  const message = err instanceof Error ? err.message : '';
  const match = /field ([\w.]+)/.exec(message) ?? /key "([\w.]+)"/.exec(message);
  if (!match) return 'body';
  const name = match[1]!.startsWith(`${input.typeName}.`) ? match[1]!.slice(input.typeName.length + 1) : match[1]!.split('.').pop()!;
  return name;
}

function describeDecodeFailure(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const reason = /: (.*)$/.exec(message)?.[1];
  return reason ? `invalid value: ${reason}` : 'invalid value';
}
