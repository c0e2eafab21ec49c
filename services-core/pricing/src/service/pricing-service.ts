// gRPC handlers of ecommerce.pricing.v1.PricingService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { principalOfCall, type CallContext, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/pricing/v1/pricing';
import type { PricingServiceService } from '@ecommerce/proto/pricing/v1/pricing';
import { CalculatePricesUseCase } from '../biz/calculate-prices.js';
import { ManagePriceListsUseCase, type PriceListUpdate } from '../biz/manage-price-lists.js';
import { ManagePricesUseCase } from '../biz/manage-prices.js';
import { ManageTaxUseCase } from '../biz/manage-tax.js';
import * as map from './mappers.js';
import * as schemas from './request-schemas.js';
import { parseProtoRequest as parseRequest } from '@ecommerce/common/grpc';

const DEFAULT_PAGE_SIZE = 20;

@injectable()
export class PricingGrpcService implements UnaryHandlers<typeof PricingServiceService> {
  constructor(
    @inject(CalculatePricesUseCase) private readonly calculating: CalculatePricesUseCase,
    @inject(ManagePricesUseCase) private readonly prices: ManagePricesUseCase,
    @inject(ManagePriceListsUseCase) private readonly lists: ManagePriceListsUseCase,
    @inject(ManageTaxUseCase) private readonly tax: ManageTaxUseCase,
  ) {}

  async calculatePrices(request: pb.CalculatePricesRequest): Promise<pb.CalculatePricesResponse> {
    const cart = parseRequest(schemas.calculatePricesRequest, request);
    return map.pricedCartToProto(await this.calculating.execute(cart));
  }

  async setBasePrice(request: pb.SetBasePriceRequest, ctx: CallContext): Promise<pb.SetBasePriceResponse> {
    const { sku, currency, tiers } = parseRequest(schemas.setBasePriceRequest, request);
    return { price: map.basePriceToProto(await this.prices.setBasePrice(sku, currency, tiers, principalOfCall(ctx).sub)) };
  }

  async getBasePrices(request: pb.GetBasePricesRequest): Promise<pb.GetBasePricesResponse> {
    const { sku } = parseRequest(schemas.skuRequest, request);
    return { prices: (await this.prices.basePrices(sku)).map(map.basePriceToProto) };
  }

  async getPriceHistory(request: pb.GetPriceHistoryRequest): Promise<pb.GetPriceHistoryResponse> {
    const query = parseRequest(schemas.priceHistoryRequest, request);
    const page = query.page || 1;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    const result = await this.prices.history(query.sku, query.currency || undefined, { page, pageSize });
    return { entries: result.entries.map(map.historyEntryToProto), page, pageSize, total: result.total };
  }

  async createPriceList(request: pb.CreatePriceListRequest): Promise<pb.CreatePriceListResponse> {
    const input = parseRequest(schemas.createPriceListRequest, request);
    const list = await this.lists.create({
      name: input.name,
      type: map.listTypeFromProto(input.type),
      startsAt: input.startTime,
      endsAt: input.endTime,
      customerGroups: input.customerGroups,
      countries: input.countries,
      channels: input.channels,
    });
    return { priceList: map.priceListToProto(list) };
  }

  async updatePriceList(request: pb.UpdatePriceListRequest): Promise<pb.UpdatePriceListResponse> {
    const input = parseRequest(schemas.updatePriceListRequest, request);
    const update: PriceListUpdate = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.clearStartTime ? { startsAt: null } : input.startTime ? { startsAt: input.startTime } : {}),
      ...(input.clearEndTime ? { endsAt: null } : input.endTime ? { endsAt: input.endTime } : {}),
      ...(input.replaceTargeting ? { customerGroups: input.customerGroups, countries: input.countries, channels: input.channels } : {}),
    };
    return { priceList: map.priceListToProto(await this.lists.update(input.id, update)) };
  }

  async activatePriceList(request: pb.ActivatePriceListRequest): Promise<pb.ActivatePriceListResponse> {
    const { id } = parseRequest(schemas.priceListIdRequest, request);
    return { priceList: map.priceListToProto(await this.lists.activate(id)) };
  }

  async getPriceList(request: pb.GetPriceListRequest): Promise<pb.GetPriceListResponse> {
    const { id } = parseRequest(schemas.priceListIdRequest, request);
    const { list, prices } = await this.lists.get(id);
    return { priceList: map.priceListToProto(list, prices) };
  }

  async listPriceLists(request: pb.ListPriceListsRequest): Promise<pb.ListPriceListsResponse> {
    const query = parseRequest(schemas.listPriceListsRequest, request);
    const page = query.page || 1;
    const pageSize = query.pageSize || DEFAULT_PAGE_SIZE;
    const status = map.statusFromProto(query.status);
    const result = await this.lists.list(status ? { status } : {}, { page, pageSize });
    return { priceLists: result.lists.map((l) => map.priceListToProto(l)), page, pageSize, total: result.total };
  }

  async setPriceListPrice(request: pb.SetPriceListPriceRequest, ctx: CallContext): Promise<pb.SetPriceListPriceResponse> {
    const { priceListId, sku, currency, tiers } = parseRequest(schemas.setPriceListPriceRequest, request);
    return { price: map.listPriceToProto(await this.prices.setListPrice(priceListId, sku, currency, tiers, principalOfCall(ctx).sub)) };
  }

  async createTaxClass(request: pb.CreateTaxClassRequest): Promise<pb.CreateTaxClassResponse> {
    const input = parseRequest(schemas.createTaxClassRequest, request);
    return { taxClass: await this.tax.createClass(input) };
  }

  async listTaxClasses(): Promise<pb.ListTaxClassesResponse> {
    return { taxClasses: await this.tax.listClasses() };
  }

  async assignTaxClass(request: pb.AssignTaxClassRequest): Promise<pb.AssignTaxClassResponse> {
    const { sku, taxClass } = parseRequest(schemas.assignTaxClassRequest, request);
    await this.tax.assignClass(sku, taxClass);
    return { sku, taxClass };
  }

  async setTaxRegion(request: pb.SetTaxRegionRequest): Promise<pb.SetTaxRegionResponse> {
    const input = parseRequest(schemas.setTaxRegionRequest, request);
    const region = await this.tax.saveRegion({ ...input, rounding: map.roundingFromProto(input.rounding) });
    return { taxRegion: map.taxRegionToProto(region) };
  }

  async listTaxRegions(): Promise<pb.ListTaxRegionsResponse> {
    return { taxRegions: (await this.tax.listRegions()).map(map.taxRegionToProto) };
  }
}
