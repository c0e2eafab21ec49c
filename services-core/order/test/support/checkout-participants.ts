// The five services the order service calls during checkout (pricing, promotion, warehouse, payment, shipping), as
// one real gRPC server in the test process (the kit's server: its interceptors, and the auth interceptor checking a
// staff token on the internal RPCs), plus the auth service's /internal/service-token endpoint that hands the order
// process its staff token. They keep the contracts' rules that matter for a crash (a reservation idempotent by
// reference, an authorization idempotent by key, a decline as an answer, void of a non-authorized payment answered
// as it is) and record every call and effect, so a test can check that each effect happened once and every
// compensation undid it, whatever process made the calls.
import 'reflect-metadata';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Container } from 'inversify';
import { AppError, NotFoundError } from '@ecommerce/common/errors';
import { startGrpcServer, type CallContext, type GrpcServerHandle, type GrpcServiceRegistration, type MethodAccess } from '@ecommerce/common/grpc';
import { createJwtVerifier } from '@ecommerce/common/http';
import { createLogger } from '@ecommerce/common/logger';
import { createMetrics } from '@ecommerce/common/observability';
import type { TestJwtIssuer } from '@ecommerce/common/testing';
import { Payment, PaymentServiceService, type AuthorizePaymentRequest, type ListPaymentsRequest, type VoidPaymentRequest } from '@ecommerce/proto/payment/v1/payment';
import { CalculatePricesResponse, PricingServiceService, type CalculatePricesRequest } from '@ecommerce/proto/pricing/v1/pricing';
import { EvaluateCartResponse, PromotionServiceService } from '@ecommerce/proto/promotion/v1/promotion';
import { QuoteRatesResponse, ShippingServiceService } from '@ecommerce/proto/shipping/v1/shipping';
import {
  GetAvailabilityResponse,
  Reservation,
  WarehouseServiceService,
  type GetAvailabilityRequest,
  type ReleaseReservationRequest,
  type ReserveRequest,
  type StockLine,
} from '@ecommerce/proto/warehouse/v1/warehouse';

export const GOOD_CARD = '4242424242424242';
export const DECLINED_CARD = '4000000000000002';
/** The payment holds the amount, then every answer for it is lost (UNAVAILABLE): the saga gives up and voids it. */
export const LOST_ANSWER_CARD = '4000000000009995';
export const SERVICE_SECRET = 'order-service-secret-for-tests';
/** Net unit price of every SKU; tax 20 % on top. */
export const UNIT_PRICE_MINOR = 1_000;

export interface FakeAuthorization {
  id: string;
  orderId: string;
  /** The idempotency key that made it (the request's, as the payment service dedupes on it). */
  key: string;
  amountMinor: number;
  status: 'authorized' | 'failed' | 'canceled';
  failureCode: string;
}

export interface FakeReservation {
  reference: string;
  lines: StockLine[];
  status: 'active' | 'released';
}

export class FakePaymentService {
  /** Every payment made, by id: one per distinct key (a replayed key answers the payment it made). */
  readonly payments = new Map<string, FakeAuthorization>();
  readonly paymentByKey = new Map<string, string>();
  /** AuthorizePayment calls received, by idempotency key (replays included). */
  readonly authorizeCalls = new Map<string, number>();
  /** Payments actually voided (authorized -> canceled), by payment id. */
  readonly voids = new Map<string, number>();
  /** How long AuthorizePayment takes to answer, per call (the effect is made on receipt, like a provider's hold). */
  delayMs: (call: number) => number = () => 0;
  private received = 0;
  /** AuthorizePayment calls received and not yet answered. */
  authorizeInFlight = 0;

  get authorizeCallCount(): number {
    return this.received;
  }

  forOrder(orderId: string): FakeAuthorization[] {
    return [...this.payments.values()].filter((p) => p.orderId === orderId);
  }

  async authorize(request: AuthorizePaymentRequest): Promise<Payment> {
    const key = request.idempotencyKey;
    if (!key) throw new AppError('invalid_argument', 'idempotency_key is required');
    const call = ++this.received;
    this.authorizeCalls.set(key, (this.authorizeCalls.get(key) ?? 0) + 1);
    let id = this.paymentByKey.get(key);
    if (!id) {
      id = `pay_${this.payments.size + 1}`;
      const declined = request.paymentMethod === DECLINED_CARD;
      this.payments.set(id, {
        id,
        orderId: request.orderId,
        key,
        amountMinor: request.amountMinor,
        status: declined ? 'failed' : 'authorized',
        failureCode: declined ? 'card_declined' : '',
      });
      this.paymentByKey.set(key, id);
    }
    const delay = this.delayMs(call);
    this.authorizeInFlight += 1;
    try {
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    } finally {
      this.authorizeInFlight -= 1;
    }
    if (request.paymentMethod === LOST_ANSWER_CARD) throw new AppError('unavailable', `payment ${id} held, but its answer was lost`);
    return messageOf(this.payments.get(id)!);
  }

  async void(request: VoidPaymentRequest): Promise<Payment> {
    const payment = this.payments.get(request.paymentId);
    if (!payment) throw new NotFoundError('payment', request.paymentId);
    // A failed or already canceled payment is answered as it is (the contract), so a compensation may always call.
    if (payment.status === 'authorized') {
      payment.status = 'canceled';
      this.voids.set(payment.id, (this.voids.get(payment.id) ?? 0) + 1);
    }
    return messageOf(payment);
  }

  async list(request: ListPaymentsRequest): Promise<{ payments: Payment[] }> {
    return { payments: this.forOrder(request.orderId).map(messageOf) };
  }
}

function messageOf(p: FakeAuthorization): Payment {
  return Payment.fromPartial({
    id: p.id,
    orderId: p.orderId,
    status: p.status,
    amountMinor: p.amountMinor,
    authorizedMinor: p.status === 'failed' ? 0 : p.amountMinor,
    currency: 'EUR',
    failureCode: p.failureCode,
    provider: 'test',
  });
}

export class FakeWarehouseService {
  readonly reservations = new Map<string, FakeReservation>();
  /** Reserve calls by reference (replays included) and reservations actually made / released. */
  readonly reserveCalls = new Map<string, number>();
  readonly reserveEffects = new Map<string, number>();
  readonly releaseEffects = new Map<string, number>();
  /** ReleaseReservation calls by reference (replays included). */
  readonly releaseCalls = new Map<string, number>();
  /** How long ReleaseReservation takes to answer (the release is made on receipt). */
  releaseDelayMs = 0;
  /** ReleaseReservation calls received and not yet answered. */
  releaseInFlight = 0;

  async availability(request: GetAvailabilityRequest): Promise<GetAvailabilityResponse> {
    return GetAvailabilityResponse.fromPartial({
      items: request.skus.map((sku) => ({ sku, available: 1_000_000, inStock: true, backorderAllowed: false, tracked: true })),
    });
  }

  async reserve(request: ReserveRequest): Promise<Reservation> {
    this.reserveCalls.set(request.reference, (this.reserveCalls.get(request.reference) ?? 0) + 1);
    let reservation = this.reservations.get(request.reference);
    if (!reservation) {
      reservation = { reference: request.reference, lines: request.lines.map((l) => ({ sku: l.sku, quantity: l.quantity })), status: 'active' };
      this.reservations.set(request.reference, reservation);
      this.reserveEffects.set(request.reference, (this.reserveEffects.get(request.reference) ?? 0) + 1);
    }
    return reservationMessage(reservation);
  }

  async release(request: ReleaseReservationRequest): Promise<Reservation> {
    this.releaseCalls.set(request.reference, (this.releaseCalls.get(request.reference) ?? 0) + 1);
    const reservation = this.reservations.get(request.reference);
    if (reservation?.status === 'active') {
      reservation.status = 'released';
      this.releaseEffects.set(request.reference, (this.releaseEffects.get(request.reference) ?? 0) + 1);
    }
    this.releaseInFlight += 1;
    try {
      if (this.releaseDelayMs > 0) await new Promise((r) => setTimeout(r, this.releaseDelayMs));
    } finally {
      this.releaseInFlight -= 1;
    }
    // Release of an unknown reference is ok (a compensation whose step did nothing).
    return reservation ? reservationMessage(reservation) : Reservation.fromPartial({ reference: request.reference, status: 'released' });
  }
}

function reservationMessage(r: FakeReservation): Reservation {
  return Reservation.fromPartial({
    reference: r.reference,
    status: r.status,
    allocations: r.lines.map((l) => ({ sku: l.sku, locationId: 'loc-1', locationCode: 'PAR-1', quantity: l.quantity, committed: 0, released: r.status === 'released' ? l.quantity : 0 })),
  });
}

export interface CheckoutParticipants {
  /** host:port serving all five services. */
  address: string;
  /** Base URL of the fake auth service (AUTH_URL). */
  authUrl: string;
  payment: FakePaymentService;
  warehouse: FakeWarehouseService;
  /** Service tokens handed out at /internal/service-token. */
  serviceTokensIssued: number;
  /** Calls to methods a checkout should not make (promotion usage without promotions, captures ...). */
  unexpected: string[];
  /** Internal RPCs refused for a missing or bad token. */
  refused: string[];
  close(): Promise<void>;
}

type Handler = (request: never, ctx: CallContext) => Promise<unknown>;

/** Handlers for every method of a definition: the given ones, the rest recorded as unexpected and refused. */
function handlersFor(definition: Record<string, { path: string }>, given: Record<string, Handler>, unexpected: string[]): Record<string, Handler> {
  const handlers: Record<string, Handler> = {};
  for (const [name, method] of Object.entries(definition)) {
    handlers[name] =
      given[name] ??
      (async () => {
        unexpected.push(method.path);
        throw new AppError('internal', `${method.path} is not expected during checkout`);
      });
  }
  return handlers;
}

function accessFor(definition: Record<string, unknown>, publicMethods: string[]): Record<string, MethodAccess> {
  return Object.fromEntries(Object.keys(definition).map((name) => [name, publicMethods.includes(name) ? 'public' : ['staff']]));
}

export async function startCheckoutParticipants(issuer: TestJwtIssuer): Promise<CheckoutParticipants> {
  const payment = new FakePaymentService();
  const warehouse = new FakeWarehouseService();
  const unexpected: string[] = [];
  const refused: string[] = [];

  const pricing: Record<string, Handler> = {
    calculatePrices: async (request: CalculatePricesRequest) => {
      const lines = request.lines.map((l) => {
        const subtotal = UNIT_PRICE_MINOR * l.quantity;
        const tax = Math.round(subtotal / 5);
        return { sku: l.sku, quantity: l.quantity, unitPriceMinor: UNIT_PRICE_MINOR, originalUnitPriceMinor: UNIT_PRICE_MINOR, subtotalMinor: subtotal, taxMinor: tax, totalMinor: subtotal + tax };
      });
      const sum = (f: (l: (typeof lines)[number]) => number) => lines.reduce((a, l) => a + f(l), 0);
      return CalculatePricesResponse.fromPartial({
        currency: request.currency,
        taxInclusive: false,
        lines,
        subtotalMinor: sum((l) => l.subtotalMinor),
        taxMinor: sum((l) => l.taxMinor),
        totalMinor: sum((l) => l.totalMinor),
      });
    },
  };
  const promotion: Record<string, Handler> = {
    evaluateCart: async () => EvaluateCartResponse.fromPartial({}),
  };
  const shipping: Record<string, Handler> = {
    quoteRates: async () =>
      QuoteRatesResponse.fromPartial({ options: [{ optionId: 'standard', name: 'Standard', kind: 'flat', amountMinor: 500, currency: 'EUR', minDays: 2, maxDays: 4, zoneId: 'zone-fr' }] }),
  };
  const warehouseHandlers: Record<string, Handler> = {
    getAvailability: (r: GetAvailabilityRequest) => warehouse.availability(r),
    reserve: (r: ReserveRequest) => warehouse.reserve(r),
    releaseReservation: (r: ReleaseReservationRequest) => warehouse.release(r),
  };
  const paymentHandlers: Record<string, Handler> = {
    authorizePayment: (r: AuthorizePaymentRequest) => payment.authorize(r),
    voidPayment: (r: VoidPaymentRequest) => payment.void(r),
    listPayments: (r: ListPaymentsRequest) => payment.list(r),
  };

  const services: Array<{ definition: Record<string, { path: string }>; handlers: Record<string, Handler>; publicMethods: string[] }> = [
    { definition: PricingServiceService, handlers: pricing, publicMethods: ['calculatePrices'] },
    { definition: PromotionServiceService, handlers: promotion, publicMethods: ['evaluateCart'] },
    { definition: ShippingServiceService, handlers: shipping, publicMethods: ['quoteRates'] },
    { definition: WarehouseServiceService, handlers: warehouseHandlers, publicMethods: ['getAvailability'] },
    { definition: PaymentServiceService, handlers: paymentHandlers, publicMethods: [] },
  ];
  const container = new Container();
  const registrations: GrpcServiceRegistration[] = services.map((s, i) => {
    const id = Symbol.for(`checkout-participants.${i}`);
    container.bind(id).toConstantValue(handlersFor(s.definition, s.handlers, unexpected));
    return { definition: s.definition as unknown as GrpcServiceRegistration['definition'], implementation: id, access: accessFor(s.definition, s.publicMethods) };
  });
  const verifier = createJwtVerifier({ publicKey: issuer.publicKeyPem });
  const grpc: GrpcServerHandle = await startGrpcServer({
    name: 'checkout-participants',
    logger: createLogger({ service: 'checkout-participants', level: 'silent' }),
    registry: createMetrics('checkout_participants').registry,
    container,
    services: registrations,
    verifier: {
      async verify(token) {
        try {
          return await verifier.verify(token);
        } catch (err) {
          refused.push((err as Error).message);
          throw err;
        }
      },
    },
    port: 0,
    host: '127.0.0.1',
    drainMs: 0,
  });

  const participants: CheckoutParticipants = {
    address: grpc.address,
    authUrl: '',
    payment,
    warehouse,
    serviceTokensIssued: 0,
    unexpected,
    refused,
    async close() {
      await grpc.stop();
      await new Promise<void>((resolve) => {
        auth.close(() => resolve());
        auth.closeAllConnections();
      });
    },
  };

  // The auth service's client-credentials endpoint: the order service's name and secret for a staff service token.
  const auth: HttpServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      void (async () => {
        const { service, secret } = (body ? JSON.parse(body) : {}) as { service?: string; secret?: string };
        if (req.method !== 'POST' || req.url !== '/internal/service-token' || service !== 'order' || secret !== SERVICE_SECRET) {
          res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: 'unauthenticated' } }));
          return;
        }
        const accessToken = await issuer.sign({ sub: 'service:order', roles: ['staff'], type: 'service' }, { expiresIn: '15m' });
        participants.serviceTokensIssued += 1;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { accessToken, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() } }));
      })().catch((err: unknown) => res.writeHead(500).end(String(err)));
    });
  });
  await new Promise<void>((resolve) => auth.listen(0, '127.0.0.1', resolve));
  participants.authUrl = `http://127.0.0.1:${(auth.address() as AddressInfo).port}`;
  return participants;
}

