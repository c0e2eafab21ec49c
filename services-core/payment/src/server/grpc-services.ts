// What the gRPC port serves and who may call each method: the service's table of contents. Every method is for
// staff and admin: the order service's checkout saga calls with a service token holding role staff.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { PaymentServiceService } from '@ecommerce/proto/payment/v1/payment';
import { PaymentGrpcService } from '../service/payment-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const paymentServiceRegistration: GrpcServiceRegistration = grpcService(PaymentServiceService, PaymentGrpcService, {
  authorizePayment: STAFF,
  voidPayment: STAFF,
  capturePayment: STAFF,
  refundPayment: STAFF,
  getPayment: STAFF,
  listPayments: STAFF,
});
