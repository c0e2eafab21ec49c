// gRPC handlers of ecommerce.loyalty.v1.LoyaltyService: validate, decide whose account, call a use case, map the
// answer. No rules here.
import { inject, injectable } from 'inversify';
import { NotFoundError, ValidationError } from '@ecommerce/common/errors';
import { parseProtoRequest, principalOfCall, type CallContext, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/loyalty/v1/loyalty';
import type { LoyaltyServiceService } from '@ecommerce/proto/loyalty/v1/loyalty';
import { AdjustPointsUseCase } from '../biz/adjust-points.js';
import { ManageRedemptionsUseCase } from '../biz/manage-redemptions.js';
import { RULES } from '../biz/ports.js';
import { ReadAccountUseCase } from '../biz/read-account.js';
import { ReferralsUseCase } from '../biz/referrals.js';
import type { LoyaltyRules } from '../biz/rules.js';
import { accountToProto, entryToProto, redemptionToProto } from './mappers.js';
import * as schemas from './request-schemas.js';

const DEFAULT_PAGE_SIZE = 20;
const STAFF_ROLES = new Set(['staff', 'admin']);

/** The `customer_id` that means the caller (REST paths cannot be empty; gRPC callers may leave it empty). */
const SELF = new Set(['', 'me']);

/**
 * Whose account a call is about: staff name a customer (they have no account of their own); a customer only
 * themself (anyone else's is NOT_FOUND, as if it did not exist), and their own account opens on first look.
 */
function accountOwner(ctx: CallContext, requested: string): { customerId: string; openIfMissing: boolean } {
  const principal = principalOfCall(ctx);
  if (principal.roles.some((role) => STAFF_ROLES.has(role))) {
    if (SELF.has(requested)) throw new ValidationError([{ field: 'customer_id', message: 'staff must name a customer' }]);
    return { customerId: requested, openIfMissing: false };
  }
  if (!SELF.has(requested) && requested !== principal.sub) throw new NotFoundError('loyalty account', requested);
  return { customerId: principal.sub, openIfMissing: true };
}

@injectable()
export class LoyaltyGrpcService implements UnaryHandlers<typeof LoyaltyServiceService> {
  constructor(
    @inject(ReadAccountUseCase) private readonly reading: ReadAccountUseCase,
    @inject(AdjustPointsUseCase) private readonly adjusting: AdjustPointsUseCase,
    @inject(ReferralsUseCase) private readonly referrals: ReferralsUseCase,
    @inject(ManageRedemptionsUseCase) private readonly redemptions: ManageRedemptionsUseCase,
    @inject(RULES) private readonly rules: LoyaltyRules,
  ) {}

  async getAccount(request: pb.GetAccountRequest, ctx: CallContext): Promise<pb.GetAccountResponse> {
    const { customerId: requested } = parseProtoRequest(schemas.getAccountRequest, request);
    const { customerId, openIfMissing } = accountOwner(ctx, requested);
    const view = await this.reading.get(customerId, { openIfMissing });
    return { account: accountToProto(view, this.rules.tierCurrency) };
  }

  async listLedger(request: pb.ListLedgerRequest, ctx: CallContext): Promise<pb.ListLedgerResponse> {
    const query = parseProtoRequest(schemas.listLedgerRequest, request);
    const { customerId } = accountOwner(ctx, query.customerId);
    const page = query.page || 1;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    const result = await this.reading.listLedger(customerId, { page, pageSize });
    return { entries: result.entries.map(entryToProto), page, pageSize, total: result.total };
  }

  async adjustPoints(request: pb.AdjustPointsRequest, ctx: CallContext): Promise<pb.AdjustPointsResponse> {
    const input = parseProtoRequest(schemas.adjustPointsRequest, request);
    const { entry } = await this.adjusting.execute({ ...input, actor: principalOfCall(ctx).sub });
    const view = await this.reading.get(input.customerId, { openIfMissing: false });
    return { entry: entryToProto(entry), account: accountToProto(view, this.rules.tierCurrency) };
  }

  async getReferralCode(request: pb.GetReferralCodeRequest, ctx: CallContext): Promise<pb.GetReferralCodeResponse> {
    parseProtoRequest(schemas.getReferralCodeRequest, request);
    return { code: await this.referrals.codeOf(principalOfCall(ctx).sub) };
  }

  async applyReferralCode(request: pb.ApplyReferralCodeRequest, ctx: CallContext): Promise<pb.ApplyReferralCodeResponse> {
    const { code } = parseProtoRequest(schemas.applyReferralCodeRequest, request);
    return { referrerCustomerId: await this.referrals.apply(principalOfCall(ctx).sub, code) };
  }

  async reserveRedemption(request: pb.ReserveRedemptionRequest): Promise<pb.ReserveRedemptionResponse> {
    const input = parseProtoRequest(schemas.reserveRedemptionRequest, request);
    return { redemption: redemptionToProto(await this.redemptions.reserve(input)) };
  }

  async commitRedemption(request: pb.CommitRedemptionRequest): Promise<pb.CommitRedemptionResponse> {
    const { reference } = parseProtoRequest(schemas.redemptionReferenceRequest, request);
    return { redemption: redemptionToProto(await this.redemptions.commit(reference)) };
  }

  async releaseRedemption(request: pb.ReleaseRedemptionRequest): Promise<pb.ReleaseRedemptionResponse> {
    const { reference } = parseProtoRequest(schemas.redemptionReferenceRequest, request);
    return { redemption: redemptionToProto(await this.redemptions.release(reference)) };
  }
}
