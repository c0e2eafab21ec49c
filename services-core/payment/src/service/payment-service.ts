// gRPC handlers of ecommerce.payment.v1.PaymentService: validate, call a use case, map the answer. No rules here.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type UnaryHandlers } from '@ecommerce/common/grpc';
import type * as pb from '@ecommerce/proto/payment/v1/payment';
import type { PaymentServiceService } from '@ecommerce/proto/payment/v1/payment';
import { AuthorizePaymentUseCase } from '../biz/authorize-payment.js';
import { CapturePaymentUseCase } from '../biz/capture-payment.js';
import { GetPaymentsUseCase } from '../biz/get-payments.js';
import type { Payment } from '../biz/payment.js';
import { RefundPaymentUseCase } from '../biz/refund-payment.js';
import { VoidPaymentUseCase } from '../biz/void-payment.js';
import { toProtoPayment } from './mappers.js';
import * as schemas from './request-schemas.js';

@injectable()
export class PaymentGrpcService implements UnaryHandlers<typeof PaymentServiceService> {
  constructor(
    @inject(AuthorizePaymentUseCase) private readonly authorizing: AuthorizePaymentUseCase,
    @inject(VoidPaymentUseCase) private readonly voiding: VoidPaymentUseCase,
    @inject(CapturePaymentUseCase) private readonly capturing: CapturePaymentUseCase,
    @inject(RefundPaymentUseCase) private readonly refunding: RefundPaymentUseCase,
    @inject(GetPaymentsUseCase) private readonly reading: GetPaymentsUseCase,
  ) {}

  async authorizePayment(request: pb.AuthorizePaymentRequest): Promise<pb.Payment> {
    return this.answer(await this.authorizing.execute(parseProtoRequest(schemas.authorizePaymentRequest, request)));
  }

  async voidPayment(request: pb.VoidPaymentRequest): Promise<pb.Payment> {
    return this.answer(await this.voiding.execute(parseProtoRequest(schemas.voidPaymentRequest, request)));
  }

  async capturePayment(request: pb.CapturePaymentRequest): Promise<pb.Payment> {
    return this.answer(await this.capturing.execute(parseProtoRequest(schemas.capturePaymentRequest, request)));
  }

  async refundPayment(request: pb.RefundPaymentRequest): Promise<pb.Payment> {
    return this.answer(await this.refunding.execute(parseProtoRequest(schemas.refundPaymentRequest, request)));
  }

  async getPayment(request: pb.GetPaymentRequest): Promise<pb.Payment> {
    const { id } = parseProtoRequest(schemas.getPaymentRequest, request);
    return toProtoPayment(await this.reading.get(id));
  }

  async listPayments(request: pb.ListPaymentsRequest): Promise<pb.ListPaymentsResponse> {
    const { orderId } = parseProtoRequest(schemas.listPaymentsRequest, request);
    return { payments: (await this.reading.listByOrder(orderId)).map(toProtoPayment) };
  }

  private async answer(payment: Payment): Promise<pb.Payment> {
    return toProtoPayment((await this.reading.withTransactions([payment]))[0]!);
  }
}
