// The other services, as gRPC clients behind biz's ports. Each address is required: a missing one fails the boot
// naming the variable, not the first cart.
import { ConfigError } from '@ecommerce/common/config';
import { createGrpcClient } from '@ecommerce/common/grpc';
import { PaymentServiceClient } from '@ecommerce/proto/payment/v1/payment';
import { PricingServiceClient } from '@ecommerce/proto/pricing/v1/pricing';
import { PromotionServiceClient } from '@ecommerce/proto/promotion/v1/promotion';
import { ShippingServiceClient } from '@ecommerce/proto/shipping/v1/shipping';
import { WarehouseServiceClient } from '@ecommerce/proto/warehouse/v1/warehouse';
import type { Discounts, Payments, Prices, ShippingRates, Stock } from '../biz/ports.js';
import type { OrderConfig } from '../config.js';
import { GrpcPayments } from './grpc-payment.js';
import { GrpcPrices } from './grpc-pricing.js';
import { GrpcDiscounts } from './grpc-promotion.js';
import { GrpcShippingRates } from './grpc-shipping.js';
import { GrpcStock } from './grpc-warehouse.js';
import type { ServiceToken } from './remote-call.js';

export interface RemotePorts {
  prices: Prices;
  discounts: Discounts;
  stock: Stock;
  payments: Payments;
  shippingRates: ShippingRates;
}

export interface GrpcRemotes extends RemotePorts {
  close(): void;
}

type AddressVariable = 'PRICING_GRPC_ADDRESS' | 'PROMOTION_GRPC_ADDRESS' | 'WAREHOUSE_GRPC_ADDRESS' | 'PAYMENT_GRPC_ADDRESS' | 'SHIPPING_GRPC_ADDRESS';

export function grpcRemotes(config: OrderConfig, token: ServiceToken): GrpcRemotes {
  const address = (variable: AddressVariable): string => {
    const value = config[variable];
    if (!value) throw new ConfigError(variable, 'is required (host:port of the service the cart and checkout call)');
    return value;
  };
  const pricing = createGrpcClient(PricingServiceClient, { address: address('PRICING_GRPC_ADDRESS') });
  const promotion = createGrpcClient(PromotionServiceClient, { address: address('PROMOTION_GRPC_ADDRESS') });
  const warehouse = createGrpcClient(WarehouseServiceClient, { address: address('WAREHOUSE_GRPC_ADDRESS') });
  const payment = createGrpcClient(PaymentServiceClient, { address: address('PAYMENT_GRPC_ADDRESS') });
  const shipping = createGrpcClient(ShippingServiceClient, { address: address('SHIPPING_GRPC_ADDRESS') });
  return {
    prices: new GrpcPrices(pricing),
    discounts: new GrpcDiscounts(promotion, token),
    stock: new GrpcStock(warehouse, token, config.RESERVATION_TTL_SECONDS),
    payments: new GrpcPayments(payment, token),
    shippingRates: new GrpcShippingRates(shipping),
    close() {
      for (const client of [pricing, promotion, warehouse, payment, shipping]) client.close();
    },
  };
}
