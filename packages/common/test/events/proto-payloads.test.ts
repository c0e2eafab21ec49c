// Contract of the generated payloads: proto-JSON in the envelope's data, back to the same message.
import { ProductCreated, ProductStatus, ProductUpdated } from '@ecommerce/proto/events/v1/catalog';
import { UserRoleAssigned, UserCreated, UserStatus } from '@ecommerce/proto/events/v1/user';
import { describe, expect, it } from 'vitest';
import { defineEventType, fromWireMessage, toWireMessage } from '../../src/events/index.js';

const productCreated = defineEventType('catalog.product.created', ProductCreated);
const productUpdated = defineEventType('catalog.product.updated', ProductUpdated);
const userCreated = defineEventType('user.user.created', UserCreated);
const roleAssigned = defineEventType('user.user.role_assigned', UserRoleAssigned);

const product = {
  id: '5b0e3c1e-8f7a-4f53-9a8e-0c3c6f6b2a11',
  sku: 'TSHIRT-RED-M',
  slug: 'red-t-shirt',
  name: 'Red T-shirt',
  description: 'Cotton',
  brandId: '0d9f3c1e-8f7a-4f53-9a8e-0c3c6f6b2a11',
  attributes: { size: 'M', organic: true },
  images: [{ url: 'https://img.example/red.png', alt: 'front' }],
  status: ProductStatus.PRODUCT_STATUS_ACTIVE,
  createTime: new Date('2026-01-02T03:04:05.000Z'),
  updateTime: new Date('2026-01-02T03:04:05.000Z'),
};

describe('proto payloads in CloudEvents', () => {
  it('puts a product event on topic catalog.product keyed by the product id, as proto-JSON', () => {
    const event = productCreated.create({ source: '/ecommerce/catalog', subject: product.id, data: { product } });
    const wire = toWireMessage(productCreated.topic, event.subject, event);
    expect(wire).toMatchObject({ topic: 'catalog.product', key: product.id });
    expect(wire.headers.ce_type).toBe('catalog.product.created');
    expect(JSON.parse(wire.value)).toMatchObject({
      product: { sku: 'TSHIRT-RED-M', brandId: product.brandId, status: 'PRODUCT_STATUS_ACTIVE', createTime: '2026-01-02T03:04:05.000Z' },
    });
  });

  it('reads back the same product message the producer wrote', () => {
    const event = productUpdated.create({ source: '/ecommerce/catalog', subject: product.id, data: { product, changedFields: ['name'] } });
    const wire = toWireMessage(productUpdated.topic, event.subject, event);
    const received = fromWireMessage(wire.headers, wire.value);
    expect(productUpdated.parse(received)).toEqual({ product, changedFields: ['name'] });
  });

  it('round-trips user events, including role changes', () => {
    const user = { id: 'u1', email: 'ada@example.com', name: 'Ada', status: UserStatus.USER_STATUS_ACTIVE, roles: ['admin'],
      createTime: new Date('2026-01-01T00:00:00.000Z'), updateTime: new Date('2026-01-01T00:00:00.000Z') };
    const created = userCreated.create({ source: '/ecommerce/user', subject: 'u1', data: { user } });
    expect(created.type).toBe('user.user.created');
    expect(userCreated.parse(created)).toEqual({ user });
    const assigned = roleAssigned.create({ source: '/ecommerce/user', subject: 'u1', data: { userId: 'u1', role: 'staff', roles: ['admin', 'staff'] } });
    expect(roleAssigned.topic).toBe('user.user');
    expect(roleAssigned.parse(assigned)).toEqual({ userId: 'u1', role: 'staff', roles: ['admin', 'staff'] });
  });

  it('refuses to parse an event of another type as this payload', () => {
    const event = userCreated.create({ source: '/ecommerce/user', subject: 'u1', data: { user: undefined } });
    expect(() => productCreated.parse(event)).toThrow(/expected event type catalog.product.created, got user.user.created/);
  });
});
