// OpenAPI operations of the transcoded RPCs, from the same bindings the router uses: path variables as path
// parameters, the body mapping as the request body, the other request fields (flattened, dotted) as query
// parameters, the response message inside the success envelope.
import type { DescField, DescMessage } from '@bufbuild/protobuf';
import type { HttpBinding } from '../transcode/http-rules.js';
import { ProtoSchemas, type JsonSchema } from './proto-schemas.js';

export interface OpenApiPaths {
  paths: Record<string, Record<string, JsonSchema>>;
  schemas: Record<string, JsonSchema>;
}

export function protoPaths(bindings: HttpBinding[]): OpenApiPaths {
  const schemas = new ProtoSchemas();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const binding of bindings) {
    const pathFields = new Set(binding.path.variables.map((v) => v.fieldPath));
    const parameters: JsonSchema[] = binding.path.variables.map((v) => ({
      name: v.fieldPath,
      in: 'path',
      required: true,
      schema: leafSchema(binding.method.input, v.fieldPath, schemas),
    }));
    if (binding.body !== '*') {
      for (const { name, field } of queryFields(binding.method.input, { proto: '', json: '' }, pathFields, new Set([binding.body]), 0)) {
        parameters.push({ name, in: 'query', required: false, schema: schemas.field(field), ...(field.fieldKind === 'list' ? { explode: true } : {}) });
      }
    }
    const operation: JsonSchema = {
      operationId: `${binding.service.name}_${binding.method.name}`,
      summary: `${binding.service.typeName}.${binding.method.name}`,
      tags: [binding.upstream],
      parameters,
      responses: {
        '200': { description: 'OK', content: { 'application/json': { schema: successEnvelope(responseSchema(binding, schemas)) } } },
        default: { $ref: '#/components/responses/Error' },
      },
    };
    if (binding.body) {
      const bodyField = binding.body === '*' ? undefined : binding.method.input.fields.find((f) => f.name === binding.body);
      operation.requestBody = {
        required: true,
        content: { 'application/json': { schema: bodyField ? schemas.field(bodyField) : schemas.ref(binding.method.input) } },
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

function leafSchema(message: DescMessage, fieldPath: string, schemas: ProtoSchemas): JsonSchema {
  let current: DescMessage | undefined = message;
  let field: DescField | undefined;
  for (const segment of fieldPath.split('.')) {
    field = current?.fields.find((f) => f.name === segment);
    current = field?.fieldKind === 'message' ? field.message : undefined;
  }
  return field ? schemas.field(field) : { type: 'string' };
}

/** Scalar, enum and repeated-scalar fields reachable through singular message fields (three levels deep at most). */
function queryFields(message: DescMessage, prefix: { proto: string; json: string }, skip: Set<string>, skipTop: Set<string>, depth: number): { name: string; field: DescField }[] {
  const out: { name: string; field: DescField }[] = [];
  for (const field of message.fields) {
    const protoPath = `${prefix.proto}${field.name}`;
    if (skip.has(protoPath) || (depth === 0 && skipTop.has(field.name))) continue;
    const name = `${prefix.json}${field.jsonName}`;
    if (field.fieldKind === 'scalar' || field.fieldKind === 'enum') out.push({ name, field });
    else if (field.fieldKind === 'list' && field.listKind !== 'message') out.push({ name, field });
    else if (field.fieldKind === 'message' && depth < 3 && !field.message.typeName.startsWith('google.protobuf.')) {
      out.push(...queryFields(field.message, { proto: `${protoPath}.`, json: `${name}.` }, skip, skipTop, depth + 1));
    }
  }
  return out;
}
