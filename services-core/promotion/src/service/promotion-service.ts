// gRPC handlers of ecommerce.promotion.v1.PromotionService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/promotion/v1/promotion';
import type { PromotionServiceService } from '@ecommerce/proto/promotion/v1/promotion';
import { EvaluateCartUseCase } from '../biz/evaluate-cart.js';
import { ManageCampaignsUseCase } from '../biz/manage-campaigns.js';
import { ManageCodesUseCase } from '../biz/manage-codes.js';
import { ManagePromotionsUseCase } from '../biz/manage-promotions.js';
import { ReserveUsageUseCase } from '../biz/reserve-usage.js';
import { SettleUsageUseCase } from '../biz/settle-usage.js';
import { campaignDefinitionFromProto, campaignToProto, codeToProto, promotionDefinitionFromProto, promotionStatusFromProto, promotionToProto } from './mappers.js';
import * as schemas from './request-schemas.js';

const DEFAULT_PAGE_SIZE = 20;
const paging = (q: { page: number; pageSize: number }) => ({ page: q.page || 1, pageSize: q.pageSize || DEFAULT_PAGE_SIZE });

@injectable()
export class PromotionGrpcService implements UnaryHandlers<typeof PromotionServiceService> {
  constructor(
    @inject(ManagePromotionsUseCase) private readonly promotions: ManagePromotionsUseCase,
    @inject(ManageCampaignsUseCase) private readonly campaigns: ManageCampaignsUseCase,
    @inject(ManageCodesUseCase) private readonly codes: ManageCodesUseCase,
    @inject(EvaluateCartUseCase) private readonly evaluating: EvaluateCartUseCase,
    @inject(ReserveUsageUseCase) private readonly reserving: ReserveUsageUseCase,
    @inject(SettleUsageUseCase) private readonly settling: SettleUsageUseCase,
  ) {}

  async createPromotion(request: pb.CreatePromotionRequest): Promise<pb.CreatePromotionResponse> {
    const { promotion } = parseProtoRequest(schemas.createPromotionRequest, request);
    return { promotion: promotionToProto(await this.promotions.create(promotionDefinitionFromProto(promotion))) };
  }

  async updatePromotion(request: pb.UpdatePromotionRequest): Promise<pb.UpdatePromotionResponse> {
    const { id, promotion } = parseProtoRequest(schemas.updatePromotionRequest, request);
    return { promotion: promotionToProto(await this.promotions.update(id, promotionDefinitionFromProto(promotion))) };
  }

  async getPromotion(request: pb.GetPromotionRequest): Promise<pb.GetPromotionResponse> {
    const { id } = parseProtoRequest(schemas.idRequest, request);
    return { promotion: promotionToProto(await this.promotions.get(id)) };
  }

  async listPromotions(request: pb.ListPromotionsRequest): Promise<pb.ListPromotionsResponse> {
    const query = parseProtoRequest(schemas.listPromotionsRequest, request);
    const { page, pageSize } = paging(query);
    const status = promotionStatusFromProto(query.status as pb.PromotionStatus);
    const filter = { ...(status ? { status } : {}), ...(query.campaignId ? { campaignId: query.campaignId } : {}) };
    const result = await this.promotions.list(filter, { page, pageSize });
    return { promotions: result.items.map(promotionToProto), page, pageSize, total: result.total };
  }

  async activatePromotion(request: pb.ActivatePromotionRequest): Promise<pb.ActivatePromotionResponse> {
    const { id } = parseProtoRequest(schemas.idRequest, request);
    return { promotion: promotionToProto(await this.promotions.setStatus(id, 'active')) };
  }

  async deactivatePromotion(request: pb.DeactivatePromotionRequest): Promise<pb.DeactivatePromotionResponse> {
    const { id } = parseProtoRequest(schemas.idRequest, request);
    return { promotion: promotionToProto(await this.promotions.setStatus(id, 'inactive')) };
  }

  async createCampaign(request: pb.CreateCampaignRequest): Promise<pb.CreateCampaignResponse> {
    const { campaign } = parseProtoRequest(schemas.createCampaignRequest, request);
    return { campaign: campaignToProto(await this.campaigns.create(campaignDefinitionFromProto(campaign))) };
  }

  async updateCampaign(request: pb.UpdateCampaignRequest): Promise<pb.UpdateCampaignResponse> {
    const { id, campaign } = parseProtoRequest(schemas.updateCampaignRequest, request);
    return { campaign: campaignToProto(await this.campaigns.update(id, campaignDefinitionFromProto(campaign))) };
  }

  async getCampaign(request: pb.GetCampaignRequest): Promise<pb.GetCampaignResponse> {
    const { id } = parseProtoRequest(schemas.idRequest, request);
    return { campaign: campaignToProto(await this.campaigns.get(id)) };
  }

  async listCampaigns(request: pb.ListCampaignsRequest): Promise<pb.ListCampaignsResponse> {
    const { page, pageSize } = paging(parseProtoRequest(schemas.listCampaignsRequest, request));
    const result = await this.campaigns.list({ page, pageSize });
    return { campaigns: result.items.map(campaignToProto), page, pageSize, total: result.total };
  }

  async activateCampaign(request: pb.ActivateCampaignRequest): Promise<pb.ActivateCampaignResponse> {
    const { id } = parseProtoRequest(schemas.idRequest, request);
    return { campaign: campaignToProto(await this.campaigns.setStatus(id, 'active')) };
  }

  async deactivateCampaign(request: pb.DeactivateCampaignRequest): Promise<pb.DeactivateCampaignResponse> {
    const { id } = parseProtoRequest(schemas.idRequest, request);
    return { campaign: campaignToProto(await this.campaigns.setStatus(id, 'inactive')) };
  }

  async createCode(request: pb.CreateCodeRequest): Promise<pb.CreateCodeResponse> {
    const { promotionId, code, usageLimit } = parseProtoRequest(schemas.createCodeRequest, request);
    return { code: codeToProto(await this.codes.create(promotionId, code, usageLimit)) };
  }

  async generateCodes(request: pb.GenerateCodesRequest): Promise<pb.GenerateCodesResponse> {
    const { promotionId, count, prefix } = parseProtoRequest(schemas.generateCodesRequest, request);
    const { batchId, codes } = await this.codes.generate(promotionId, count, prefix);
    return { batchId, codes: codes.map(codeToProto) };
  }

  async listCodes(request: pb.ListCodesRequest): Promise<pb.ListCodesResponse> {
    const query = parseProtoRequest(schemas.listCodesRequest, request);
    const { page, pageSize } = paging(query);
    const result = await this.codes.list({ promotionId: query.promotionId, ...(query.batchId ? { batchId: query.batchId } : {}) }, { page, pageSize });
    return { codes: result.items.map(codeToProto), page, pageSize, total: result.total };
  }

  async getCode(request: pb.GetCodeRequest): Promise<pb.GetCodeResponse> {
    const { code } = parseProtoRequest(schemas.getCodeRequest, request);
    return { code: codeToProto(await this.codes.get(code)) };
  }

  async evaluateCart(request: pb.EvaluateCartRequest): Promise<pb.EvaluateCartResponse> {
    const cart = parseProtoRequest(schemas.evaluateCartRequest, request);
    return this.evaluating.execute(cart);
  }

  async reserveUsage(request: pb.ReserveUsageRequest): Promise<pb.ReserveUsageResponse> {
    return this.reserving.execute(parseProtoRequest(schemas.reserveUsageRequest, request));
  }

  async commitUsage(request: pb.CommitUsageRequest): Promise<pb.CommitUsageResponse> {
    const { reference } = parseProtoRequest(schemas.usageReferenceRequest, request);
    return this.settling.commit(reference);
  }

  async releaseUsage(request: pb.ReleaseUsageRequest): Promise<pb.ReleaseUsageResponse> {
    const { reference } = parseProtoRequest(schemas.usageReferenceRequest, request);
    return this.settling.release(reference);
  }
}
