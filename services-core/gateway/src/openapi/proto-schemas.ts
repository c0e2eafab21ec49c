// JSON Schemas (OpenAPI 3.1 / draft 2020-12) of proto messages as their proto-JSON form: lowerCamel names,
// enums as their value names, 64-bit integers as strings, well-known types as their JSON spelling.
import { ScalarType, type DescEnum, type DescField, type DescMessage } from '@bufbuild/protobuf';

export type JsonSchema = Record<string, unknown>;

const WELL_KNOWN: Record<string, JsonSchema> = {
  'google.protobuf.Timestamp': { type: 'string', format: 'date-time' },
  'google.protobuf.Duration': { type: 'string', pattern: '^-?\\d+(\\.\\d+)?s$' },
  'google.protobuf.Struct': { type: 'object', additionalProperties: true },
  'google.protobuf.Value': {},
  'google.protobuf.ListValue': { type: 'array', items: {} },
  'google.protobuf.Empty': { type: 'object' },
  'google.protobuf.FieldMask': { type: 'string' },
  'google.protobuf.StringValue': { type: ['string', 'null'] },
  'google.protobuf.BoolValue': { type: ['boolean', 'null'] },
  'google.protobuf.Int32Value': { type: ['integer', 'null'] },
  'google.protobuf.Int64Value': { type: ['string', 'null'] },
};

/** Collects a component schema per message reachable from the ones asked for. */
export class ProtoSchemas {
  readonly components: Record<string, JsonSchema> = {};

  /** A schema for `message`: a $ref to its component, or an inline well-known type. */
  ref(message: DescMessage): JsonSchema {
    const known = WELL_KNOWN[message.typeName];
    if (known) return known;
    if (!this.components[message.typeName]) {
      this.components[message.typeName] = {};
      this.components[message.typeName] = this.messageSchema(message);
    }
    return { $ref: `#/components/schemas/${message.typeName}` };
  }

  /** The schema of one field's value (a list or map field gives its container). */
  field(field: DescField): JsonSchema {
    switch (field.fieldKind) {
      case 'scalar':
        return scalarSchema(field.scalar);
      case 'enum':
        return enumSchema(field.enum);
      case 'message':
        return this.ref(field.message);
      case 'list':
        return { type: 'array', items: field.listKind === 'scalar' ? scalarSchema(field.scalar) : field.listKind === 'enum' ? enumSchema(field.enum) : this.ref(field.message) };
      case 'map':
        return { type: 'object', additionalProperties: field.mapKind === 'scalar' ? scalarSchema(field.scalar) : field.mapKind === 'enum' ? enumSchema(field.enum) : this.ref(field.message) };
    }
  }

  private messageSchema(message: DescMessage): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    for (const field of message.fields) properties[field.jsonName] = this.field(field);
    return { type: 'object', properties, additionalProperties: false };
  }
}

export function scalarSchema(scalar: ScalarType): JsonSchema {
  switch (scalar) {
    case ScalarType.BOOL:
      return { type: 'boolean' };
    case ScalarType.STRING:
      return { type: 'string' };
    case ScalarType.BYTES:
      return { type: 'string', contentEncoding: 'base64' };
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return { type: 'number' };
    case ScalarType.INT64:
    case ScalarType.UINT64:
    case ScalarType.SINT64:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return { type: 'string', pattern: '^-?\\d+$', format: 'int64' };
    default:
      return { type: 'integer', format: 'int32' };
  }
}

function enumSchema(desc: DescEnum): JsonSchema {
  return { type: 'string', enum: desc.values.map((v) => v.name) };
}
