// Request validation with the .proto's field names (see parseProtoRequest in the grpc kit).
export { parseProtoRequest as validate } from '@ecommerce/common/grpc';
