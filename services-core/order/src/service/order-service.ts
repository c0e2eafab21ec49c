// gRPC handlers of ecommerce.order.v1.OrderService: validate, find the caller, call a use case, map the answer.
import { inject, injectable } from 'inversify';
import { parseProtoRequest, type CallContext, type UnaryHandlers } from '@ecommerce/common/grpc';
import type { JwtVerifier } from '@ecommerce/common/http';
import type * as pb from '@ecommerce/proto/order/v1/order';
import type { OrderServiceService } from '@ecommerce/proto/order/v1/order';
import type { Address } from '../biz/cart.js';
import { CheckoutUseCase } from '../biz/checkout.js';
import { ManageCartUseCase } from '../biz/manage-cart.js';
import { ManageOrdersUseCase } from '../biz/manage-orders.js';
import type { OrderStatus } from '../biz/order.js';
import { TOKENS } from '../tokens.js';
import { callerOf, callerOfPrincipal } from './caller.js';
import { cartMessage, orderMessage } from './mappers.js';
import * as schemas from './request-schemas.js';

@injectable()
export class OrderGrpcService implements UnaryHandlers<typeof OrderServiceService> {
  constructor(
    @inject(ManageCartUseCase) private readonly carts: ManageCartUseCase,
    @inject(CheckoutUseCase) private readonly checkouts: CheckoutUseCase,
    @inject(ManageOrdersUseCase) private readonly orders: ManageOrdersUseCase,
    @inject(TOKENS.Verifier) private readonly verifier: JwtVerifier,
  ) {}

  async createCart(request: pb.CreateCartRequest, ctx: CallContext): Promise<pb.CreateCartResponse> {
    const { country, currency } = parseProtoRequest(schemas.createCartRequest, request);
    const { cart, token } = await this.carts.create(await callerOf(ctx, this.verifier), country, currency);
    return { cart: cartMessage(cart), cartToken: token };
  }

  async getCart(request: pb.GetCartRequest, ctx: CallContext): Promise<pb.GetCartResponse> {
    const key = parseProtoRequest(schemas.cartRequest, request);
    return { cart: cartMessage(await this.carts.get(await callerOf(ctx, this.verifier), { cartId: key.cartId, token: key.cartToken })) };
  }

  async addCartLine(request: pb.AddCartLineRequest, ctx: CallContext): Promise<pb.AddCartLineResponse> {
    const r = parseProtoRequest(schemas.addCartLineRequest, request);
    return { cart: cartMessage(await this.carts.addLine(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.sku, r.quantity)) };
  }

  async updateCartLine(request: pb.UpdateCartLineRequest, ctx: CallContext): Promise<pb.UpdateCartLineResponse> {
    const r = parseProtoRequest(schemas.updateCartLineRequest, request);
    return { cart: cartMessage(await this.carts.updateLine(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.sku, r.quantity)) };
  }

  async removeCartLine(request: pb.RemoveCartLineRequest, ctx: CallContext): Promise<pb.RemoveCartLineResponse> {
    const r = parseProtoRequest(schemas.cartLineRequest, request);
    return { cart: cartMessage(await this.carts.removeLine(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.sku)) };
  }

  async applyCoupon(request: pb.ApplyCouponRequest, ctx: CallContext): Promise<pb.ApplyCouponResponse> {
    const r = parseProtoRequest(schemas.couponRequest, request);
    return { cart: cartMessage(await this.carts.applyCoupon(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.code)) };
  }

  async removeCoupon(request: pb.RemoveCouponRequest, ctx: CallContext): Promise<pb.RemoveCouponResponse> {
    const r = parseProtoRequest(schemas.couponRequest, request);
    return { cart: cartMessage(await this.carts.removeCoupon(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.code)) };
  }

  async setShippingAddress(request: pb.SetShippingAddressRequest, ctx: CallContext): Promise<pb.SetShippingAddressResponse> {
    const r = parseProtoRequest(schemas.setShippingAddressRequest, request);
    const cart = await this.carts.setShippingAddress(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.address as Address);
    return { cart: cartMessage(cart) };
  }

  async selectShippingOption(request: pb.SelectShippingOptionRequest, ctx: CallContext): Promise<pb.SelectShippingOptionResponse> {
    const r = parseProtoRequest(schemas.selectShippingOptionRequest, request);
    return { cart: cartMessage(await this.carts.selectShippingOption(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.optionId)) };
  }

  async mergeCart(request: pb.MergeCartRequest, ctx: CallContext): Promise<pb.MergeCartResponse> {
    const r = parseProtoRequest(schemas.mergeCartRequest, request);
    return { cart: cartMessage(await this.carts.merge(callerOfPrincipal(ctx.principal), { cartId: r.guestCartId, token: r.guestCartToken })) };
  }

  async checkout(request: pb.CheckoutRequest, ctx: CallContext): Promise<pb.CheckoutResponse> {
    const r = parseProtoRequest(schemas.checkoutRequest, request);
    const order = await this.checkouts.execute(await callerOf(ctx, this.verifier), { cartId: r.cartId, token: r.cartToken }, r.idempotencyKey, r.paymentMethod);
    return { order: orderMessage(order) };
  }

  async getOrder(request: pb.GetOrderRequest, ctx: CallContext): Promise<pb.GetOrderResponse> {
    const { orderId } = parseProtoRequest(schemas.orderIdRequest, request);
    return { order: orderMessage(await this.orders.get(callerOfPrincipal(ctx.principal), orderId)) };
  }

  async listOrders(request: pb.ListOrdersRequest, ctx: CallContext): Promise<pb.ListOrdersResponse> {
    const r = parseProtoRequest(schemas.listOrdersRequest, request);
    const filter = { ...(r.status ? { status: r.status as OrderStatus } : {}), ...(r.customerId ? { customerId: r.customerId } : {}) };
    const page = await this.orders.list(callerOfPrincipal(ctx.principal), filter, r.pageSize || 20, r.pageToken);
    return { orders: page.orders.map(orderMessage), nextPageToken: page.nextPageToken };
  }

  async cancelOrder(request: pb.CancelOrderRequest, ctx: CallContext): Promise<pb.CancelOrderResponse> {
    const { orderId, reason } = parseProtoRequest(schemas.cancelOrderRequest, request);
    return { order: orderMessage(await this.orders.cancel(callerOfPrincipal(ctx.principal), orderId, reason.trim())) };
  }

  async returnOrderLines(request: pb.ReturnOrderLinesRequest, ctx: CallContext): Promise<pb.ReturnOrderLinesResponse> {
    const r = parseProtoRequest(schemas.returnOrderLinesRequest, request);
    return { order: orderMessage(await this.orders.returnLines(callerOfPrincipal(ctx.principal), r.orderId, r.lines, r.reason.trim())) };
  }
}
