// Server reflection (v1 and v1alpha), so grpcurl lists and describes services with no .proto files at hand.
// It answers with the exact FileDescriptorProtos `buf build` emitted (@ecommerce/proto's set includes
// grpc/health/v1/health.proto), so imported types such as google.protobuf.Timestamp resolve; @grpc/reflection's
// own service re-derives descriptors through protobufjs and loses those imports and map entries.
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, createFileRegistry, fromBinary, toBinary, type DescFile, type FileRegistry } from '@bufbuild/protobuf';
import { FileDescriptorProtoSchema, FileDescriptorSetSchema } from '@bufbuild/protobuf/wkt';
import { status, type Server, type ServerDuplexStream, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

const require = createRequire(import.meta.url);
const reflectionProtos = path.join(path.dirname(require.resolve('@grpc/reflection/package.json')), 'build/proto/grpc/reflection');

interface ReflectionRequest {
  host?: string;
  file_by_filename?: string;
  file_containing_symbol?: string;
  file_containing_extension?: { containing_type: string; extension_number: number };
  all_extension_numbers_of_type?: string;
  list_services?: string;
  message_request?: string;
}

/** `services`: the fully-qualified names this server serves (the descriptor set may describe more). */
export function addReflection(server: Server, descriptorSet: Buffer | undefined, services: string[]): void {
  const registry = buildRegistry(descriptorSet);
  const answer = (request: ReflectionRequest) => ({ valid_host: request.host ?? '', original_request: request, ...respond(registry, services, request) });
  for (const version of ['v1', 'v1alpha']) {
    const pkg = loadSync(path.join(reflectionProtos, version, 'reflection.proto'), { keepCase: true, oneofs: true, longs: Number });
    const definition = pkg[`grpc.reflection.${version}.ServerReflection`] as ServiceDefinition;
    server.addService(definition, {
      ServerReflectionInfo: (call: ServerDuplexStream<ReflectionRequest, unknown>) => {
        call.on('data', (request: ReflectionRequest) => call.write(answer(request)));
        call.on('end', () => call.end());
        call.on('error', () => call.end());
      },
    });
  }
}

function buildRegistry(descriptorSet: Buffer | undefined): FileRegistry {
  return createFileRegistry(descriptorSet ? fromBinary(FileDescriptorSetSchema, descriptorSet) : create(FileDescriptorSetSchema));
}

function respond(registry: FileRegistry, services: string[], request: ReflectionRequest): Record<string, unknown> {
  switch (request.message_request) {
    case 'list_services':
      return { list_services_response: { service: services.map((name) => ({ name })) } };
    case 'file_by_filename':
      return filesResponse(registry.getFile(request.file_by_filename ?? ''), `file ${request.file_by_filename}`);
    case 'file_containing_symbol':
      return filesResponse(fileOfSymbol(registry, request.file_containing_symbol ?? ''), `symbol ${request.file_containing_symbol}`);
    case 'file_containing_extension': {
      const ext = request.file_containing_extension;
      const message = ext ? registry.getMessage(ext.containing_type) : undefined;
      const extension = message && ext ? registry.getExtensionFor(message, ext.extension_number) : undefined;
      return filesResponse(extension?.file, `extension ${ext?.containing_type}(${ext?.extension_number})`);
    }
    case 'all_extension_numbers_of_type': {
      const name = request.all_extension_numbers_of_type ?? '';
      if (!registry.getMessage(name)) return notFound(`type ${name}`);
      const numbers = [...registry].flatMap((d) => (d.kind === 'extension' && d.extendee.typeName === name ? [d.number] : []));
      return { all_extension_numbers_response: { base_type_name: name, extension_number: numbers } };
    }
    default:
      return { error_response: { error_code: status.UNIMPLEMENTED, error_message: 'unsupported reflection request' } };
  }
}

/** A type, service or method name (`pkg.Service.Method`, `pkg.Message.field`) to the file declaring it. */
function fileOfSymbol(registry: FileRegistry, symbol: string): DescFile | undefined {
  const direct = registry.get(symbol);
  if (direct) return direct.file;
  const parent = registry.get(symbol.slice(0, Math.max(0, symbol.lastIndexOf('.'))));
  return parent?.kind === 'service' || parent?.kind === 'message' ? parent.file : undefined;
}

/** The file and everything it imports, so the client can resolve every type. */
function filesResponse(file: DescFile | undefined, what: string): Record<string, unknown> {
  if (!file) return notFound(what);
  const ordered: DescFile[] = [];
  const visit = (f: DescFile) => {
    if (ordered.includes(f)) return;
    ordered.push(f);
    f.dependencies.forEach(visit);
  };
  visit(file);
  return { file_descriptor_response: { file_descriptor_proto: ordered.map((f) => Buffer.from(toBinary(FileDescriptorProtoSchema, f.proto))) } };
}

function notFound(what: string): Record<string, unknown> {
  return { error_response: { error_code: status.NOT_FOUND, error_message: `${what} not found` } };
}
