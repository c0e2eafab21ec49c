// A small proto service built in memory (not in proto/), annotated like ours, to show that routes, nested and
// repeated query parameters come from descriptors alone:
//   service ShelfService { rpc SearchBooks(SearchBooksRequest) returns (SearchBooksResponse)
//     { option (google.api.http) = { get: "/api/v1/shelves/{shelf}/books" additional_bindings { post: "/api/v1/shelves/{shelf}/books:search" body: "filter" } }; } }
import { create, createFileRegistry, setExtension, type FileRegistry } from '@bufbuild/protobuf';
import { FieldDescriptorProto_Label, FieldDescriptorProto_Type, FileDescriptorProtoSchema, MethodOptionsSchema } from '@bufbuild/protobuf/wkt';
import { readDescriptorSet } from '@ecommerce/proto/descriptors';
import { registryFromDescriptorSet } from '../src/transcode/registry.js';

const { STRING: TYPE_STRING, INT32: TYPE_INT32, BOOL: TYPE_BOOL, MESSAGE: TYPE_MESSAGE } = FieldDescriptorProto_Type;
const { OPTIONAL, REPEATED } = FieldDescriptorProto_Label;

const field = (name: string, number: number, type: FieldDescriptorProto_Type, label = OPTIONAL, typeName?: string) => ({
  name,
  number,
  type,
  label,
  jsonName: name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase()),
  ...(typeName ? { typeName } : {}),
});

export function shelfRegistry(): FileRegistry {
  const platform = registryFromDescriptorSet(readDescriptorSet());
  const httpRule = platform.getMessage('google.api.HttpRule')!;
  const options = create(MethodOptionsSchema);
  setExtension(
    options as never,
    platform.getExtension('google.api.http')! as never,
    create(httpRule, {
      pattern: { case: 'get', value: '/api/v1/shelves/{shelf}/books' },
      additionalBindings: [create(httpRule, { pattern: { case: 'post', value: '/api/v1/shelves/{shelf}/books:search' }, body: 'filter' })],
    }) as never,
  );
  const file = create(FileDescriptorProtoSchema, {
    name: 'shelf/v1/shelf.proto',
    package: 'ecommerce.shelf.v1',
    syntax: 'proto3',
    messageType: [
      { name: 'Range', field: [field('from', 1, TYPE_INT32), field('to', 2, TYPE_INT32)] },
      { name: 'Filter', field: [field('min_price', 1, TYPE_INT32), field('price_range', 2, TYPE_MESSAGE, OPTIONAL, '.ecommerce.shelf.v1.Range'), field('authors', 3, TYPE_STRING, REPEATED)] },
      {
        name: 'SearchBooksRequest',
        field: [field('shelf', 1, TYPE_STRING), field('filter', 2, TYPE_MESSAGE, OPTIONAL, '.ecommerce.shelf.v1.Filter'), field('tags', 3, TYPE_STRING, REPEATED), field('in_stock', 4, TYPE_BOOL)],
      },
      { name: 'SearchBooksResponse', field: [field('titles', 1, TYPE_STRING, REPEATED)] },
    ],
    service: [{ name: 'ShelfService', method: [{ name: 'SearchBooks', inputType: '.ecommerce.shelf.v1.SearchBooksRequest', outputType: '.ecommerce.shelf.v1.SearchBooksResponse', options }] }],
  });
  return createFileRegistry(createFileRegistry(file, (name) => platform.getFile(name)), platform);
}
