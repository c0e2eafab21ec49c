// The one consumer of other services' events in auth: typed handlers by catalog type, each run once per event
// in an inbox transaction that its use case joins (the unit of work is shared with the use cases).
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import type { CustomerAccounts } from '../use-cases/customer-accounts.js';
import type { StaffAccounts } from '../use-cases/staff-accounts.js';
import type { AuthUnitOfWork } from '../use-cases/unit-of-work.js';
import { customerEventHandlers } from './customer-events.handlers.js';
import { userEventHandlers } from './user-events.handlers.js';

export interface AuthConsumerDeps {
  transport: EventTransport;
  uow: AuthUnitOfWork;
  staff: StaffAccounts;
  customers: CustomerAccounts;
  logger: Logger;
  metrics: ServiceMetrics;
}

export function startAuthConsumer(deps: AuthConsumerDeps): Promise<Subscription> {
  return consumeCatalogEvents({
    catalog: eventCatalog,
    group: 'auth',
    transport: deps.transport,
    uow: deps.uow,
    handlers: { ...userEventHandlers(deps.staff, deps.logger), ...customerEventHandlers(deps.customers, deps.logger) },
    logger: deps.logger,
    metrics: deps.metrics.registry,
  });
}
