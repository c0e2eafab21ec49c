// The list of benchmarks `make bench` runs, in order. Each entry lives in its own file.
import { runCatalogHttpBench } from './catalog-http.js';
import { runEventsBench } from './events-outbox-kafka.js';
import { runGatewayCatalogBench } from './gateway-catalog.js';
import { runGrpcBench } from './grpc-user.js';
import { runLoyaltyBench } from './loyalty.js';
import { runOrderBench } from './order.js';
import { runPaymentBench } from './payment.js';
import { runPricingBench } from './pricing.js';
import { runPromotionBench } from './promotion.js';
import { runReviewBench } from './review.js';
import { runSearchBench } from './search.js';
import { runShippingBench } from './shipping.js';
import { runWarehouseBench } from './warehouse.js';

import type { Results } from './measure/results.js';

export interface Benchmark {
  name: string;
  /** Prints its figures; the comparisons it files in `results` also go to the JSON file and the closing table. */
  run(results: Results): Promise<void>;
}

export const benchmarks: Benchmark[] = [{ name: 'catalog-http', run: runCatalogHttpBench }, { name: 'events', run: runEventsBench }, { name: 'grpc-user', run: runGrpcBench }, { name: 'pricing', run: runPricingBench }, { name: 'gateway-catalog', run: runGatewayCatalogBench }, { name: 'promotion', run: runPromotionBench }, { name: 'warehouse', run: runWarehouseBench }, { name: 'shipping', run: runShippingBench }, { name: 'review', run: runReviewBench }, { name: 'payment', run: runPaymentBench }, { name: 'loyalty', run: runLoyaltyBench }, { name: 'order', run: runOrderBench }, { name: 'search', run: runSearchBench }];
