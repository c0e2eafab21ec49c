// google.rpc.Status with a google.rpc.BadRequest detail, in the `grpc-status-details-bin` trailer, so field
// violations reach any gRPC client (grpcurl prints them) and the gateway can turn them into envelope details.
import { BinaryReader, BinaryWriter } from '@bufbuild/protobuf/wire';
import type { FieldViolation } from '../errors/app-error.js';

export const STATUS_DETAILS_KEY = 'grpc-status-details-bin';
const BAD_REQUEST_TYPE = 'type.googleapis.com/google.rpc.BadRequest';

export function encodeStatusDetails(code: number, message: string, violations: FieldViolation[]): Buffer {
  const badRequest = new BinaryWriter();
  for (const v of violations) {
    badRequest.uint32(10).fork().uint32(10).string(v.field).uint32(18).string(v.message).join();
  }
  const status = new BinaryWriter().uint32(8).int32(code).uint32(18).string(message);
  if (violations.length > 0) {
    status.uint32(26).fork().uint32(10).string(BAD_REQUEST_TYPE).uint32(18).bytes(badRequest.finish()).join();
  }
  return Buffer.from(status.finish());
}

/** The field violations in an encoded google.rpc.Status; other detail types are skipped. */
export function decodeFieldViolations(bytes: Uint8Array): FieldViolation[] {
  const violations: FieldViolation[] = [];
  forEachField(bytes, (field, reader) => {
    if (field !== 3) return false;
    let typeUrl = '';
    let value: Uint8Array = new Uint8Array();
    forEachField(reader.bytes(), (f, any) => {
      if (f === 1) typeUrl = any.string();
      else if (f === 2) value = any.bytes();
      else return false;
      return true;
    });
    if (typeUrl !== BAD_REQUEST_TYPE) return true;
    forEachField(value, (f, bad) => {
      if (f !== 1) return false;
      const violation: FieldViolation = { field: '', message: '' };
      forEachField(bad.bytes(), (g, fv) => {
        if (g === 1) violation.field = fv.string();
        else if (g === 2) violation.message = fv.string();
        else return false;
        return true;
      });
      violations.push(violation);
      return true;
    });
    return true;
  });
  return violations;
}

/** Calls `visit` per field; when it returns false (field not read) the field is skipped. */
function forEachField(bytes: Uint8Array, visit: (field: number, reader: BinaryReader) => boolean): void {
  const reader = new BinaryReader(bytes);
  while (reader.pos < reader.len) {
    const [field, wireType] = reader.tag();
    if (!visit(field, reader)) reader.skip(wireType);
  }
}
