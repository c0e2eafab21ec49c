// biz objects <-> ts-proto messages; the only place that knows both.
import type * as pb from '@ecommerce/proto/shipping/v1/shipping';
import type { RateQuote } from '../biz/rates.js';
import type { Shipment } from '../biz/shipment.js';
import type { ShippingOption, Zone } from '../biz/zone.js';

export function optionToProto(option: ShippingOption): pb.ShippingOption {
  return {
    id: option.id,
    zoneId: option.zoneId,
    name: option.name,
    kind: option.kind,
    currency: option.currency,
    amountMinor: option.amountMinor,
    weightTiers: option.weightTiers.map((t) => ({ maxWeightGrams: t.maxWeightGrams, amountMinor: t.amountMinor })),
    freeOverMinor: option.freeOverMinor,
    minDays: option.minDays,
    maxDays: option.maxDays,
    active: option.active,
    createTime: option.createdAt,
    updateTime: option.updatedAt,
  };
}

export function zoneToProto(zone: Zone): pb.Zone {
  return {
    id: zone.id,
    name: zone.name,
    countries: zone.countries,
    provinces: zone.provinces,
    postcodePatterns: zone.postcodePatterns,
    active: zone.active,
    options: zone.options.map(optionToProto),
    createTime: zone.createdAt,
    updateTime: zone.updatedAt,
  };
}

export function quoteToProto(quote: RateQuote): pb.RateQuote {
  return { ...quote };
}

export function shipmentToProto(shipment: Shipment): pb.Shipment {
  return {
    id: shipment.id,
    orderId: shipment.orderId,
    direction: shipment.direction,
    returnOfShipmentId: shipment.returnOf ?? '',
    status: shipment.status,
    optionId: shipment.optionId ?? '',
    destination: shipment.destination,
    lines: shipment.lines.map((l) => ({ ...l })),
    weightGrams: shipment.weightGrams,
    carrier: shipment.carrier,
    trackingNumber: shipment.trackingNumber ?? '',
    labelUrl: shipment.labelUrl ?? '',
    reason: shipment.reason,
    reference: shipment.reference ?? '',
    history: shipment.history.map((h) => ({ status: h.status, occurTime: h.occurredAt, description: h.description })),
    createTime: shipment.createdAt,
    updateTime: shipment.updatedAt,
  };
}
