// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { WarehouseServiceService } from '@ecommerce/proto/warehouse/v1/warehouse';
import { WarehouseGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const warehouseServiceRegistration: GrpcServiceRegistration = grpcService(WarehouseServiceService, WarehouseGrpcService, {
  createExample: STAFF,
});
