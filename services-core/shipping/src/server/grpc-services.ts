// What the gRPC port serves and who may call each method: the service's table of contents. Quotes are public
// (the cart asks anonymously); everything else is staff work or the order service (a staff service token).
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { ShippingServiceService } from '@ecommerce/proto/shipping/v1/shipping';
import { ShippingGrpcService } from '../service/shipping-service.js';

const PUBLIC: MethodAccess = 'public';
const STAFF: MethodAccess = ['staff', 'admin'];

export const shippingServiceRegistration: GrpcServiceRegistration = grpcService(ShippingServiceService, ShippingGrpcService, {
  quoteRates: PUBLIC,
  createZone: STAFF,
  updateZone: STAFF,
  listZones: STAFF,
  createOption: STAFF,
  updateOption: STAFF,
  createShipment: STAFF,
  getShipment: STAFF,
  listShipments: STAFF,
  createLabel: STAFF,
  markShipped: STAFF,
  cancelShipment: STAFF,
  advanceTracking: STAFF,
  createReturn: STAFF,
});
