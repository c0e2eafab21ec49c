// What the gRPC port serves and who may call each method: anyone may calculate prices; staff read and write the rest.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { PricingServiceService } from '@ecommerce/proto/pricing/v1/pricing';
import { PricingGrpcService } from '../service/pricing-service.js';

const PUBLIC: MethodAccess = 'public';
const STAFF: MethodAccess = ['staff', 'admin'];

export const pricingServiceRegistration: GrpcServiceRegistration = grpcService(PricingServiceService, PricingGrpcService, {
  calculatePrices: PUBLIC,
  setBasePrice: STAFF,
  getBasePrices: STAFF,
  getPriceHistory: STAFF,
  createPriceList: STAFF,
  updatePriceList: STAFF,
  activatePriceList: STAFF,
  getPriceList: STAFF,
  listPriceLists: STAFF,
  setPriceListPrice: STAFF,
  createTaxClass: STAFF,
  listTaxClasses: STAFF,
  assignTaxClass: STAFF,
  setTaxRegion: STAFF,
  listTaxRegions: STAFF,
});
