// What the gRPC port serves and who may call each method: the service's table of contents.
import { grpcService, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { PaymentServiceService } from '@ecommerce/proto/payment/v1/payment';
import { PaymentGrpcService } from '../service/example-service.js';

const STAFF: MethodAccess = ['staff', 'admin'];

export const paymentServiceRegistration: GrpcServiceRegistration = grpcService(PaymentServiceService, PaymentGrpcService, {
  createExample: STAFF,
});
