// The one consumer of topic user.user: dispatches each event type to its handler, inside the inbox transaction.
import type { CloudEvent } from '@ecommerce/common/events';
import type { Knex } from 'knex';
import { userCreated, userDeleted, userUpdated } from './auth-events.js';
import { userCreatedHandler, type UserCreatedDeps } from './user-created.handler.js';
import { userDeletedHandler, userUpdatedHandler, type UserChangedDeps } from './user-changed.handler.js';

export type UserEventDeps = UserCreatedDeps & UserChangedDeps;

export function userEventsHandler(deps: UserEventDeps) {
  const handlers: Record<string, (event: CloudEvent, trx: Knex.Transaction) => Promise<void>> = {
    [userCreated.type]: userCreatedHandler(deps),
    [userUpdated.type]: userUpdatedHandler(deps),
    [userDeleted.type]: userDeletedHandler(deps),
  };
  // Role changes need nothing here: roles are read from the user service at every login and refresh.
  return async (event: CloudEvent, trx: Knex.Transaction): Promise<void> => {
    await handlers[event.type]?.(event, trx);
  };
}
