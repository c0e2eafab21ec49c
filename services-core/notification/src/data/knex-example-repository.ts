// Examples in PostgreSQL, written in the unit of work's transaction.
import { injectable } from 'inversify';
import { knexTransaction, type Transaction } from '@ecommerce/common/events';
import type { Example } from '../biz/example.js';
import type { ExampleRepository } from '../biz/ports.js';

interface ExampleRow {
  id: string;
  name: string;
  created_at: Date;
}

@injectable()
export class KnexExampleRepository implements ExampleRepository {
  async create(tx: Transaction, name: string): Promise<Example> {
    const [row] = await knexTransaction(tx)('examples').insert({ name }).returning<ExampleRow[]>(['id', 'name', 'created_at']);
    return { id: row!.id, name: row!.name, createdAt: row!.created_at };
  }
}
