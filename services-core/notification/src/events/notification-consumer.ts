// The one consumer of other services' events in notification (group `notification`): typed handlers by catalog
// type, each run once per event in an inbox transaction that is also the use cases' unit of work.
import type { Container } from 'inversify';
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { UNIT_OF_WORK, type NotificationUnitOfWork } from '../biz/ports.js';
import { RecordContactsUseCase } from '../biz/record-contacts.js';
import { RequestNotificationsUseCase } from '../biz/request-notifications.js';
import { authHandlers } from './auth.handler.js';
import { commerceHandlers } from './commerce.handler.js';
import { customerHandlers } from './customer.handler.js';

export function startNotificationConsumer(deps: { transport: EventTransport; container: Container; logger: Logger; metrics: ServiceMetrics }): Promise<Subscription> {
  const contacts = deps.container.get(RecordContactsUseCase);
  const requests = deps.container.get(RequestNotificationsUseCase);
  return consumeCatalogEvents({
    catalog: eventCatalog,
    group: 'notification',
    transport: deps.transport,
    uow: deps.container.get<NotificationUnitOfWork>(UNIT_OF_WORK),
    handlers: { ...authHandlers(contacts, requests), ...customerHandlers(contacts), ...commerceHandlers(contacts, requests) },
    logger: deps.logger,
    metrics: deps.metrics.registry,
  });
}
