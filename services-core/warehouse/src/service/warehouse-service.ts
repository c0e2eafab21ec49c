// gRPC handlers of ecommerce.warehouse.v1.WarehouseService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { IDEMPOTENCY_KEY_METADATA, parseProtoRequest, principalOfCall, type CallContext, type UnaryHandlers } from '@ecommerce/common/grpc';
import { assertIdempotencyKey } from '@ecommerce/common/idempotency';
import type * as pb from '@ecommerce/proto/warehouse/v1/warehouse';
import type { WarehouseServiceService } from '@ecommerce/proto/warehouse/v1/warehouse';
import { AdjustStockUseCase } from '../biz/adjust-stock.js';
import { CommitReservationUseCase } from '../biz/commit-reservation.js';
import { ManageLocationsUseCase } from '../biz/manage-locations.js';
import { ManageStockItemsUseCase } from '../biz/manage-stock-items.js';
import { ReceiveStockUseCase } from '../biz/receive-stock.js';
import { ReleaseReservationUseCase } from '../biz/release-reservation.js';
import { ReserveStockUseCase } from '../biz/reserve-stock.js';
import { StockQueriesUseCase } from '../biz/stock-queries.js';
import { TransferStockUseCase } from '../biz/transfer-stock.js';
import { availabilityToProto, levelToProto, locationToProto, movementToProto, reservationToProto, stockItemToProto } from './mappers.js';
import * as schemas from './request-schemas.js';

const DEFAULT_MOVEMENTS_PAGE = 50;

/** Who a movement names: the caller's token subject (a staff user, or the order service's service token). */
const actorOf = (ctx: CallContext): string => principalOfCall(ctx).sub;

/** The caller's `idempotency-key` metadata, when it sent one (the order service sends `<saga id>:<step>`). */
function idempotencyKeyOf(ctx: CallContext): string | undefined {
  const value = ctx.metadata.get(IDEMPOTENCY_KEY_METADATA)[0];
  return value === undefined ? undefined : assertIdempotencyKey(String(value), IDEMPOTENCY_KEY_METADATA);
}

@injectable()
export class WarehouseGrpcService implements UnaryHandlers<typeof WarehouseServiceService> {
  constructor(
    @inject(ManageLocationsUseCase) private readonly locations: ManageLocationsUseCase,
    @inject(ManageStockItemsUseCase) private readonly stockItems: ManageStockItemsUseCase,
    @inject(ReceiveStockUseCase) private readonly receiving: ReceiveStockUseCase,
    @inject(AdjustStockUseCase) private readonly adjusting: AdjustStockUseCase,
    @inject(TransferStockUseCase) private readonly transferring: TransferStockUseCase,
    @inject(ReserveStockUseCase) private readonly reserving: ReserveStockUseCase,
    @inject(ReleaseReservationUseCase) private readonly releasing: ReleaseReservationUseCase,
    @inject(CommitReservationUseCase) private readonly committing: CommitReservationUseCase,
    @inject(StockQueriesUseCase) private readonly queries: StockQueriesUseCase,
  ) {}

  async createLocation(request: pb.CreateLocationRequest): Promise<pb.CreateLocationResponse> {
    const input = parseProtoRequest(schemas.createLocationRequest, request);
    return { location: locationToProto(await this.locations.create(input)) };
  }

  async updateLocation(request: pb.UpdateLocationRequest): Promise<pb.UpdateLocationResponse> {
    const { id, ...changes } = parseProtoRequest(schemas.updateLocationRequest, request);
    const set = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    return { location: locationToProto(await this.locations.update(id, set)) };
  }

  async listLocations(): Promise<pb.ListLocationsResponse> {
    return { locations: (await this.locations.list()).map(locationToProto) };
  }

  async setStockItem(request: pb.SetStockItemRequest): Promise<pb.SetStockItemResponse> {
    const settings = parseProtoRequest(schemas.setStockItemRequest, request);
    return { item: stockItemToProto(await this.stockItems.set(settings)) };
  }

  async getStockItem(request: pb.GetStockItemRequest): Promise<pb.GetStockItemResponse> {
    const { sku } = parseProtoRequest(schemas.skuRequest, request);
    const view = await this.stockItems.get(sku);
    return { item: stockItemToProto(view.item), levels: view.levels.map(levelToProto), onHand: view.totals.onHand, reserved: view.totals.reserved, available: view.totals.available };
  }

  async receiveStock(request: pb.ReceiveStockRequest, ctx: CallContext): Promise<pb.ReceiveStockResponse> {
    const input = parseProtoRequest(schemas.locationLinesRequest, request);
    return { levels: (await this.receiving.receive(input, actorOf(ctx), 'receipt')).map(levelToProto) };
  }

  async expectStock(request: pb.ExpectStockRequest): Promise<pb.ExpectStockResponse> {
    const input = parseProtoRequest(schemas.locationLinesRequest, request);
    return { levels: (await this.receiving.expect(input)).map(levelToProto) };
  }

  async returnStock(request: pb.ReturnStockRequest, ctx: CallContext): Promise<pb.ReturnStockResponse> {
    const input = parseProtoRequest(schemas.locationLinesRequest, request);
    return { levels: (await this.receiving.receive(input, actorOf(ctx), 'return')).map(levelToProto) };
  }

  async adjustStock(request: pb.AdjustStockRequest, ctx: CallContext): Promise<pb.AdjustStockResponse> {
    const input = parseProtoRequest(schemas.adjustStockRequest, request);
    return { level: levelToProto(await this.adjusting.execute(input, actorOf(ctx))) };
  }

  async transferStock(request: pb.TransferStockRequest, ctx: CallContext): Promise<pb.TransferStockResponse> {
    const input = parseProtoRequest(schemas.transferStockRequest, request);
    const { from, to } = await this.transferring.execute(input, actorOf(ctx));
    return { from: levelToProto(from), to: levelToProto(to) };
  }

  async listMovements(request: pb.ListMovementsRequest): Promise<pb.ListMovementsResponse> {
    const query = parseProtoRequest(schemas.listMovementsRequest, request);
    const movements = await this.queries.movementsOf({
      limit: query.pageSize || DEFAULT_MOVEMENTS_PAGE,
      ...(query.sku ? { sku: query.sku } : {}),
      ...(query.locationId ? { locationId: query.locationId } : {}),
      ...(query.beforeId ? { beforeId: query.beforeId } : {}),
    });
    return { movements: movements.map(movementToProto) };
  }

  async reserve(request: pb.ReserveRequest, ctx: CallContext): Promise<pb.Reservation> {
    const input = parseProtoRequest(schemas.reserveRequest, request);
    return reservationToProto(await this.reserving.execute(input, actorOf(ctx)));
  }

  async releaseReservation(request: pb.ReleaseReservationRequest, ctx: CallContext): Promise<pb.Reservation> {
    const { reference } = parseProtoRequest(schemas.referenceRequest, request);
    return reservationToProto(await this.releasing.execute(reference, actorOf(ctx)));
  }

  async commitReservation(request: pb.CommitReservationRequest, ctx: CallContext): Promise<pb.Reservation> {
    const { reference, lines } = parseProtoRequest(schemas.commitReservationRequest, request);
    return reservationToProto(await this.committing.execute(reference, lines, actorOf(ctx), idempotencyKeyOf(ctx)));
  }

  async getReservation(request: pb.GetReservationRequest): Promise<pb.Reservation> {
    const { reference } = parseProtoRequest(schemas.referenceRequest, request);
    return reservationToProto(await this.queries.reservation(reference));
  }

  async getAvailability(request: pb.GetAvailabilityRequest): Promise<pb.GetAvailabilityResponse> {
    const { skus } = parseProtoRequest(schemas.getAvailabilityRequest, request);
    return { items: (await this.queries.availability(skus)).map(availabilityToProto) };
  }
}
