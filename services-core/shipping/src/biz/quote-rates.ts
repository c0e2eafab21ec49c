// What a destination may choose and what each choice costs (public; the cart asks on every change).
import { inject, injectable } from 'inversify';
import { ZONE_REPOSITORY, type ZoneRepository } from './ports.js';
import { quoteRates, type Parcel, type RateQuote } from './rates.js';
import type { Destination } from './zone.js';

@injectable()
export class QuoteRatesUseCase {
  constructor(@inject(ZONE_REPOSITORY) private readonly zones: ZoneRepository) {}

  async execute(destination: Destination, parcel: Parcel): Promise<RateQuote[]> {
    const candidates = await this.zones.listActiveForCountry(destination.country.toUpperCase());
    return quoteRates(candidates, destination, parcel);
  }
}
