// Implementations of biz's ports: the index in PostgreSQL, the catalog over HTTP (the Knex instance and the
// configuration are bound by container.ts).
import { ContainerModule } from 'inversify';
import type { Knex } from '@ecommerce/common/db';
import { serviceUnitOfWork } from '@ecommerce/common/events';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { CATALOG_READER, INDEX_READER, INDEX_WRITER, UNIT_OF_WORK } from '../biz/ports.js';
import type { SearchConfig } from '../config.js';
import { TOKENS } from '../tokens.js';
import { HttpCatalogReader } from './http-catalog-reader.js';
import { KnexIndexReader } from './knex-index-reader.js';
import { KnexIndexWriter } from './knex-index-writer.js';

export const dataModule = new ContainerModule(({ bind }) => {
  bind(INDEX_WRITER).to(KnexIndexWriter).inSingletonScope();
  bind(INDEX_READER).to(KnexIndexReader).inSingletonScope();
  bind(CATALOG_READER)
    .toDynamicValue((ctx) => new HttpCatalogReader(ctx.get<SearchConfig>(TOKENS.Config).CATALOG_URL))
    .inSingletonScope();
  bind(UNIT_OF_WORK)
    .toDynamicValue((ctx) => serviceUnitOfWork({ db: ctx.get<Knex>(TOKENS.Database), catalog: eventCatalog, service: 'search' }))
    .inSingletonScope();
});
