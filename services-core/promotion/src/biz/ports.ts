// What the use cases need: storage behind interfaces, a clock, and the unit of work in which a use case's writes
// and the events it decides commit together. data/ implements these; tests may bind others.
import type { EmittableBy, EventRecorder, Transaction, UnitOfWork } from '@ecommerce/common/events';
import type { EventCatalog } from '@ecommerce/proto/event-catalog';
import type { Campaign, CampaignDefinition } from './campaign.js';
import type { PromotionCode } from './code.js';
import type { ActivationStatus, Promotion, PromotionDefinition } from './promotion.js';
import type { UsageReservation, UsageStatus } from './usage.js';

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface PromotionRepository {
  create(tx: Transaction, definition: PromotionDefinition): Promise<Promotion>;
  /** Throws NotFoundError. */
  update(tx: Transaction, id: string, definition: PromotionDefinition): Promise<Promotion>;
  /** Throws NotFoundError. */
  setStatus(tx: Transaction, id: string, status: ActivationStatus): Promise<Promotion>;
  /** Throws NotFoundError; `lock` takes the row for the rest of the transaction. */
  get(id: string, tx?: Transaction, lock?: boolean): Promise<Promotion>;
  list(filter: { status?: ActivationStatus; campaignId?: string }, page: PageRequest): Promise<Page<Promotion>>;
  listActiveAutomatic(): Promise<Promotion[]>;
  findByIds(ids: string[], tx?: Transaction): Promise<Promotion[]>;
}

export interface CampaignRepository {
  create(tx: Transaction, definition: CampaignDefinition): Promise<Campaign>;
  update(tx: Transaction, id: string, definition: CampaignDefinition): Promise<Campaign>;
  setStatus(tx: Transaction, id: string, status: ActivationStatus): Promise<Campaign>;
  get(id: string, tx?: Transaction, lock?: boolean): Promise<Campaign>;
  list(page: PageRequest): Promise<Page<Campaign>>;
  findByIds(ids: string[], tx?: Transaction): Promise<Campaign[]>;
}

export interface CodeRepository {
  /** Throws AlreadyExistsError (field `code`). */
  create(tx: Transaction, code: { code: string; promotionId: string; usageLimit: number; batchId: string | null }): Promise<PromotionCode>;
  /** Inserts the codes not taken yet; answers the ones inserted. */
  createMissing(tx: Transaction, codes: string[], promotionId: string, batchId: string): Promise<PromotionCode[]>;
  /** Throws NotFoundError. */
  get(code: string): Promise<PromotionCode>;
  findByCodes(codes: string[], tx?: Transaction): Promise<PromotionCode[]>;
  /** The codes found, each with its promotion, in one round trip (EvaluateCart runs on every cart change). */
  findWithPromotions(codes: string[]): Promise<{ code: PromotionCode; promotion: Promotion }[]>;
  list(filter: { promotionId: string; batchId?: string }, page: PageRequest): Promise<Page<PromotionCode>>;
}

export type UsageScope = 'promotion' | 'campaign';

export interface UsageRepository {
  /** False when the reference exists already (then nothing is written). */
  insertReservation(tx: Transaction, reference: string, customerId: string): Promise<boolean>;
  insertLines(tx: Transaction, reference: string, lines: UsageReservation['lines']): Promise<void>;
  /** The reservation locked for the rest of the transaction, or undefined. */
  lockReservation(tx: Transaction, reference: string): Promise<UsageReservation | undefined>;
  setStatus(tx: Transaction, reference: string, status: UsageStatus): Promise<void>;
  /** Counts uses (delta > 0) only while the limit holds (conditional update): false = limit reached. */
  changeCodeUses(tx: Transaction, code: string, delta: number): Promise<boolean>;
  changePromotionUses(tx: Transaction, id: string, delta: number): Promise<boolean>;
  changeCampaignUsage(tx: Transaction, id: string, uses: number, amountMinor: number): Promise<boolean>;
  changeCustomerUses(tx: Transaction, scope: UsageScope, id: string, customerId: string, delta: number, limit: number): Promise<boolean>;
  /** This customer's uses per promotion and per campaign id. */
  customerUses(customerId: string, promotionIds: string[], campaignIds: string[]): Promise<{ promotions: Map<string, number>; campaigns: Map<string, number> }>;
}

export interface Clock {
  now(): Date;
}

/** The service may emit its own event types only (`promotion.*`). */
export type PromotionEventType = EmittableBy<EventCatalog, 'promotion'>;
export type PromotionUnitOfWork = UnitOfWork<EventCatalog, PromotionEventType>;
export type PromotionEvents = EventRecorder<EventCatalog, PromotionEventType>;

export const PROMOTION_REPOSITORY = Symbol.for('promotion.PromotionRepository');
export const CAMPAIGN_REPOSITORY = Symbol.for('promotion.CampaignRepository');
export const CODE_REPOSITORY = Symbol.for('promotion.CodeRepository');
export const USAGE_REPOSITORY = Symbol.for('promotion.UsageRepository');
export const CLOCK = Symbol.for('promotion.Clock');
export const UNIT_OF_WORK = Symbol.for('promotion.UnitOfWork');
