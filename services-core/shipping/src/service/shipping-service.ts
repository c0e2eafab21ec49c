// gRPC handlers of ecommerce.shipping.v1.ShippingService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/shipping/v1/shipping';
import type { ShippingServiceService } from '@ecommerce/proto/shipping/v1/shipping';
import { AdvanceTrackingUseCase } from '../biz/advance-tracking.js';
import { CreateReturnUseCase } from '../biz/create-return.js';
import { CreateShipmentUseCase } from '../biz/create-shipment.js';
import { FindShipmentsUseCase } from '../biz/find-shipments.js';
import { ManageZonesUseCase } from '../biz/manage-zones.js';
import { normalizePostcode } from '../biz/postcode-pattern.js';
import { QuoteRatesUseCase } from '../biz/quote-rates.js';
import { ShipmentLifecycleUseCase } from '../biz/shipment-lifecycle.js';
import { optionToProto, quoteToProto, shipmentToProto, zoneToProto } from './mappers.js';
import * as schemas from './request-schemas.js';

const upper = (values: string[]) => [...new Set(values.map((v) => v.trim().toUpperCase()))];
const patterns = (values: string[]) => [...new Set(values.map(normalizePostcode))];

@injectable()
export class ShippingGrpcService implements UnaryHandlers<typeof ShippingServiceService> {
  constructor(
    @inject(QuoteRatesUseCase) private readonly quoting: QuoteRatesUseCase,
    @inject(ManageZonesUseCase) private readonly zones: ManageZonesUseCase,
    @inject(CreateShipmentUseCase) private readonly creating: CreateShipmentUseCase,
    @inject(FindShipmentsUseCase) private readonly finding: FindShipmentsUseCase,
    @inject(ShipmentLifecycleUseCase) private readonly lifecycle: ShipmentLifecycleUseCase,
    @inject(AdvanceTrackingUseCase) private readonly tracking: AdvanceTrackingUseCase,
    @inject(CreateReturnUseCase) private readonly returns: CreateReturnUseCase,
  ) {}

  async quoteRates(request: pb.QuoteRatesRequest): Promise<pb.QuoteRatesResponse> {
    const { destination, weightGrams, subtotalMinor, currency } = parseProtoRequest(schemas.quoteRatesRequest, request);
    const quotes = await this.quoting.execute(destination, { weightGrams, subtotalMinor, currency });
    return { options: quotes.map(quoteToProto) };
  }

  async createZone(request: pb.CreateZoneRequest): Promise<pb.CreateZoneResponse> {
    const input = parseProtoRequest(schemas.createZoneRequest, request);
    const zone = await this.zones.createZone({
      name: input.name,
      countries: upper(input.countries),
      provinces: upper(input.provinces),
      postcodePatterns: patterns(input.postcodePatterns),
    });
    return { zone: zoneToProto(zone) };
  }

  async updateZone(request: pb.UpdateZoneRequest): Promise<pb.UpdateZoneResponse> {
    const input = parseProtoRequest(schemas.updateZoneRequest, request);
    const zone = await this.zones.updateZone(input.id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.replaceCountries ? { countries: upper(input.countries) } : {}),
      ...(input.replaceProvinces ? { provinces: upper(input.provinces) } : {}),
      ...(input.replacePostcodePatterns ? { postcodePatterns: patterns(input.postcodePatterns) } : {}),
    });
    return { zone: zoneToProto(zone) };
  }

  async listZones(request: pb.ListZonesRequest): Promise<pb.ListZonesResponse> {
    parseProtoRequest(schemas.listZonesRequest, request);
    return { zones: (await this.zones.listZones()).map(zoneToProto) };
  }

  async createOption(request: pb.CreateOptionRequest): Promise<pb.CreateOptionResponse> {
    const input = parseProtoRequest(schemas.createOptionRequest, request);
    return { option: optionToProto(await this.zones.createOption(input)) };
  }

  async updateOption(request: pb.UpdateOptionRequest): Promise<pb.UpdateOptionResponse> {
    const { id, replaceWeightTiers, weightTiers, ...fields } = parseProtoRequest(schemas.updateOptionRequest, request);
    const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
    const option = await this.zones.updateOption(id, { ...changes, ...(replaceWeightTiers ? { weightTiers } : {}) });
    return { option: optionToProto(option) };
  }

  async createShipment(request: pb.CreateShipmentRequest): Promise<pb.CreateShipmentResponse> {
    const input = parseProtoRequest(schemas.createShipmentRequest, request);
    const shipment = await this.creating.execute({ ...input, optionId: input.optionId || undefined, reference: input.reference || undefined });
    return { shipment: shipmentToProto(shipment) };
  }

  async getShipment(request: pb.GetShipmentRequest): Promise<pb.GetShipmentResponse> {
    const { id } = parseProtoRequest(schemas.shipmentIdRequest, request);
    return { shipment: shipmentToProto(await this.finding.get(id)) };
  }

  async listShipments(request: pb.ListShipmentsRequest): Promise<pb.ListShipmentsResponse> {
    const { orderId } = parseProtoRequest(schemas.listShipmentsRequest, request);
    return { shipments: (await this.finding.listByOrder(orderId)).map(shipmentToProto) };
  }

  async createLabel(request: pb.CreateLabelRequest): Promise<pb.CreateLabelResponse> {
    const { id } = parseProtoRequest(schemas.shipmentIdRequest, request);
    return { shipment: shipmentToProto(await this.lifecycle.createLabel(id)) };
  }

  async markShipped(request: pb.MarkShippedRequest): Promise<pb.MarkShippedResponse> {
    const { id } = parseProtoRequest(schemas.shipmentIdRequest, request);
    return { shipment: shipmentToProto(await this.lifecycle.markShipped(id)) };
  }

  async cancelShipment(request: pb.CancelShipmentRequest): Promise<pb.CancelShipmentResponse> {
    const { id, reason } = parseProtoRequest(schemas.cancelShipmentRequest, request);
    return { shipment: shipmentToProto(await this.lifecycle.cancel(id, reason || 'canceled by staff')) };
  }

  async advanceTracking(request: pb.AdvanceTrackingRequest): Promise<pb.AdvanceTrackingResponse> {
    parseProtoRequest(schemas.advanceTrackingRequest, request);
    return { updates: await this.tracking.execute() };
  }

  async createReturn(request: pb.CreateReturnRequest): Promise<pb.CreateReturnResponse> {
    const input = parseProtoRequest(schemas.createReturnRequest, request);
    return { shipment: shipmentToProto(await this.returns.execute(input)) };
  }
}
