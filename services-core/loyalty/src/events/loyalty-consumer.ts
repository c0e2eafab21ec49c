// The one consumer of other services' events in loyalty: typed handlers by catalog type, each run once per event
// in an inbox transaction that its use case joins (the unit of work is shared with the use cases).
import type { Container } from 'inversify';
import { consumeCatalogEvents, type EventTransport, type Subscription } from '@ecommerce/common/events';
import type { Logger } from '@ecommerce/common/logger';
import type { ServiceMetrics } from '@ecommerce/common/observability';
import { eventCatalog } from '@ecommerce/proto/event-catalog';
import { EarnFromOrderUseCase } from '../biz/earn-from-order.js';
import { OpenAccountUseCase } from '../biz/open-account.js';
import { UNIT_OF_WORK, type LoyaltyUnitOfWork } from '../biz/ports.js';
import { ReverseOrderPointsUseCase } from '../biz/reverse-order-points.js';
import { RewardReviewUseCase } from '../biz/reward-review.js';
import { orderHandlers } from './order.handler.js';
import { registrationHandlers } from './registration.handler.js';
import { reviewHandlers } from './review.handler.js';

export function startLoyaltyConsumer(deps: { transport: EventTransport; container: Container; logger: Logger; metrics: ServiceMetrics }): Promise<Subscription> {
  const { container } = deps;
  return consumeCatalogEvents({
    catalog: eventCatalog,
    group: 'loyalty',
    transport: deps.transport,
    uow: container.get<LoyaltyUnitOfWork>(UNIT_OF_WORK),
    handlers: {
      ...registrationHandlers(container.get(OpenAccountUseCase), deps.logger),
      ...orderHandlers(container.get(EarnFromOrderUseCase), container.get(ReverseOrderPointsUseCase)),
      ...reviewHandlers(container.get(RewardReviewUseCase)),
    },
    logger: deps.logger,
    metrics: deps.metrics.registry,
  });
}
