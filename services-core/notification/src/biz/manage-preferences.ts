// A customer's notification preferences: marketing opt-in per channel (off until they opt in) and the locale of
// what they are sent. Transactional notifications ignore these: an order confirmation or a password reset always goes.
import { inject, injectable } from 'inversify';
import { assertMayChange, assertMayRead, type Actor } from './actor.js';
import { CHANNELS, type Channel } from './channel.js';
import { CONTACT_REPOSITORY, PREFERENCE_REPOSITORY, UNIT_OF_WORK, type ContactRepository, type NotificationUnitOfWork, type PreferenceRepository } from './ports.js';
import { DEFAULT_LOCALE } from './template-catalog.js';

export interface Preferences {
  customerId: string;
  marketing: Record<Channel, boolean>;
  locale: string;
}

export interface PreferenceChange {
  channels: Array<{ channel: Channel; marketingOptIn: boolean }>;
  /** Undefined keeps the current locale. */
  locale?: string;
}

@injectable()
export class ManagePreferencesUseCase {
  constructor(
    @inject(PREFERENCE_REPOSITORY) private readonly preferences: PreferenceRepository,
    @inject(CONTACT_REPOSITORY) private readonly contacts: ContactRepository,
    @inject(UNIT_OF_WORK) private readonly uow: NotificationUnitOfWork,
  ) {}

  async get(actor: Actor, customerId: string): Promise<Preferences> {
    assertMayRead(actor, customerId);
    return this.read(customerId);
  }

  async update(actor: Actor, customerId: string, change: PreferenceChange): Promise<Preferences> {
    assertMayChange(actor, customerId);
    await this.uow.run(async (tx) => {
      for (const { channel, marketingOptIn } of change.channels) await this.preferences.setMarketingOptIn(tx, customerId, channel, marketingOptIn);
      if (change.locale) await this.contacts.upsert(tx, customerId, { locale: change.locale });
    });
    return this.read(customerId);
  }

  private async read(customerId: string): Promise<Preferences> {
    const [optIns, contact] = await Promise.all([this.preferences.marketingOptIns(customerId), this.contacts.find(customerId)]);
    const marketing = Object.fromEntries(CHANNELS.map((channel) => [channel, optIns[channel] === true])) as Record<Channel, boolean>;
    return { customerId, marketing, locale: contact?.locale ?? DEFAULT_LOCALE };
  }
}
