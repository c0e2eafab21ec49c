// Repository methods run in their caller's transaction: the unit of work's (opaque to the use cases, which
// need no Knex for it) or a Knex one, for code that decides no events and so opens its own.
import type { Transaction } from '@ecommerce/common/events';
import type { Knex } from 'knex';

export type Tx = Transaction | Knex;

/** The query builder of `tx`: the unit of work's Transaction is a Knex transaction behind an opaque type. */
export function sql(tx: Tx): Knex {
  return tx as Knex;
}
