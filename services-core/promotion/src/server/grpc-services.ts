// What the gRPC port serves and who may call each method: the service's table of contents. Staff manage
// promotions; anyone may evaluate a cart (it writes nothing); usage is for the order service's checkout saga,
// which calls with a service token holding role staff.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { PromotionServiceService } from '@ecommerce/proto/promotion/v1/promotion';
import { PromotionGrpcService } from '../service/promotion-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];
const INTERNAL: MethodAccess = ['staff', 'admin'];

export const promotionServiceRegistration: GrpcServiceRegistration = grpcService(PromotionServiceService, PromotionGrpcService, {
  createPromotion: STAFF,
  updatePromotion: STAFF,
  getPromotion: STAFF,
  listPromotions: STAFF,
  activatePromotion: STAFF,
  deactivatePromotion: STAFF,
  createCampaign: STAFF,
  updateCampaign: STAFF,
  getCampaign: STAFF,
  listCampaigns: STAFF,
  activateCampaign: STAFF,
  deactivateCampaign: STAFF,
  createCode: STAFF,
  generateCodes: STAFF,
  listCodes: STAFF,
  getCode: STAFF,
  evaluateCart: 'public',
  reserveUsage: INTERNAL,
  commitUsage: INTERNAL,
  releaseUsage: INTERNAL,
});
