// Test data builders: the payloads the auth, customer, order, payment and shipping services publish, built from the
// generated event types as those services build them, with unique ids per call.
import { randomUUID } from 'node:crypto';
import { AccountType, type AccountInvited, type AccountRegistered, type EmailVerificationRequested, type PasswordResetRequested } from '@ecommerce/proto/events/v1/auth';
import type { CustomerSnapshot } from '@ecommerce/proto/events/v1/customer';
import type { OrderPlaced, OrderSnapshot } from '@ecommerce/proto/events/v1/order';
import type { PaymentRefunded } from '@ecommerce/proto/events/v1/payment';
import type { ShippingShipmentDelivered, ShippingShipmentShipped } from '@ecommerce/proto/events/v1/shipping';

const inAnHour = () => new Date(Date.now() + 3_600_000);

export function aCustomer(overrides: Partial<CustomerSnapshot> = {}): CustomerSnapshot {
  const id = randomUUID();
  return {
    id,
    email: `customer-${id.slice(0, 8)}@example.com`,
    firstName: 'Ada',
    lastName: 'Lovelace',
    phone: '+49 30 1234567',
    status: 1,
    totalSpentMinor: 0,
    currency: 'EUR',
    registerTime: new Date(),
    updateTime: new Date(),
    ...overrides,
  };
}

export function aRegistration(overrides: Partial<AccountRegistered> = {}): AccountRegistered {
  return { accountId: randomUUID(), email: `new-${randomUUID().slice(0, 8)}@example.com`, type: AccountType.ACCOUNT_TYPE_CUSTOMER, verificationToken: randomUUID(), verificationExpireTime: inAnHour(), createTime: new Date(), ...overrides };
}

export function aVerificationRequest(accountId: string, email: string): EmailVerificationRequested {
  return { accountId, email, verificationToken: randomUUID(), expireTime: inAnHour() };
}

export function aPasswordReset(accountId: string, email: string): PasswordResetRequested {
  return { accountId, email, resetToken: randomUUID(), expireTime: inAnHour() };
}

export function anInvitation(overrides: Partial<AccountInvited> = {}): AccountInvited {
  const id = randomUUID();
  return { accountId: id, userId: id, email: `staff-${id.slice(0, 8)}@example.com`, invitationToken: randomUUID(), expireTime: inAnHour(), ...overrides };
}

export function anOrder(customerId: string, overrides: Partial<OrderSnapshot> = {}): OrderSnapshot {
  return {
    id: randomUUID(),
    customerId,
    status: 'confirmed',
    paymentStatus: 'authorized',
    fulfillmentStatus: 'unfulfilled',
    currency: 'EUR',
    totalMinor: 12_345,
    lines: [
      { id: randomUUID(), sku: 'MUG-BLUE', quantity: 2, unitPriceMinor: 1_500, totalMinor: 3_000 },
      { id: randomUUID(), sku: 'TEAPOT', quantity: 1, unitPriceMinor: 9_345, totalMinor: 9_345 },
    ],
    shippingAddress: { country: 'DE', province: '', postcode: '10115', city: 'Berlin', line1: 'Invalidenstr. 1', name: 'Ada Lovelace' },
    shippingOptionId: 'standard',
    createTime: new Date(),
    ...overrides,
  };
}

export function anOrderPlaced(customerId: string): OrderPlaced {
  return { order: anOrder(customerId) };
}

export function aRefund(customerId: string, orderId: string = randomUUID()): PaymentRefunded {
  return {
    payment: {
      id: randomUUID(), orderId, customerId, status: 'partially_refunded', amountMinor: 12_345, authorizedMinor: 12_345, capturedMinor: 12_345,
      refundedMinor: 3_000, currency: 'EUR', provider: 'test', failureCode: '', updateTime: new Date(),
    },
    amountMinor: 3_000,
    reason: 'damaged',
  };
}

export function aShipment(orderId: string): ShippingShipmentShipped {
  return { shipmentId: randomUUID(), orderId, lines: [{ orderLineId: randomUUID(), sku: 'MUG-BLUE', quantity: 2 }], carrier: 'DHL', trackingNumber: '00340434161094042557', occurTime: new Date() };
}

export function aDelivery(orderId: string): ShippingShipmentDelivered {
  return { shipmentId: randomUUID(), orderId, lines: [{ orderLineId: randomUUID(), sku: 'MUG-BLUE', quantity: 2 }], trackingNumber: '00340434161094042557', occurTime: new Date() };
}
