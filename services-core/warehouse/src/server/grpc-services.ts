// What the gRPC port serves and who may call each method: the service's table of contents. Reservations are
// "internal": the order service's checkout calls them with a service token holding role staff.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { WarehouseServiceService } from '@ecommerce/proto/warehouse/v1/warehouse';
import { WarehouseGrpcService } from '../service/warehouse-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];
const INTERNAL: MethodAccess = ['staff', 'admin'];

export const warehouseServiceRegistration: GrpcServiceRegistration = grpcService(WarehouseServiceService, WarehouseGrpcService, {
  createLocation: STAFF,
  updateLocation: STAFF,
  listLocations: STAFF,
  setStockItem: STAFF,
  getStockItem: STAFF,
  receiveStock: STAFF,
  expectStock: STAFF,
  returnStock: STAFF,
  adjustStock: STAFF,
  transferStock: STAFF,
  listMovements: STAFF,
  reserve: INTERNAL,
  releaseReservation: INTERNAL,
  commitReservation: INTERNAL,
  getReservation: STAFF,
  getAvailability: 'public',
});
