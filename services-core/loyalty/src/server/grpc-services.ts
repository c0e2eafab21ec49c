// What the gRPC port serves and who may call each method: the service's table of contents. The redemption
// calls are internal (the order service's checkout saga calls them with a service token carrying role staff).
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { LoyaltyServiceService } from '@ecommerce/proto/loyalty/v1/loyalty';
import { LoyaltyGrpcService } from '../service/loyalty-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];
const CUSTOMER: MethodAccess = ['customer'];
/** Customers for their own account, staff for anyone's (ownership is checked in the handler). */
const OWNER_OR_STAFF: MethodAccess = 'authenticated';

export const loyaltyServiceRegistration: GrpcServiceRegistration = grpcService(LoyaltyServiceService, LoyaltyGrpcService, {
  getAccount: OWNER_OR_STAFF,
  listLedger: OWNER_OR_STAFF,
  adjustPoints: STAFF,
  getReferralCode: CUSTOMER,
  applyReferralCode: CUSTOMER,
  reserveRedemption: STAFF,
  commitRedemption: STAFF,
  releaseRedemption: STAFF,
});
