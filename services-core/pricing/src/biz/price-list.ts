// A price list: sale or override prices, live while active and inside its window, for the buyers it targets.
export type PriceListType = 'sale' | 'override';
export type PriceListStatus = 'draft' | 'active';

export interface Targeting {
  customerGroups: string[];
  countries: string[];
  channels: string[];
}

export interface PriceList extends Targeting {
  id: string;
  name: string;
  type: PriceListType;
  status: PriceListStatus;
  startsAt: Date | undefined;
  endsAt: Date | undefined;
  createdAt: Date;
  updatedAt: Date;
}

/** Who is buying, as CalculatePrices describes it. */
export interface Buyer {
  customerGroups: string[];
  country: string;
  channel: string;
}

/** Active, started (start <= now) and not ended (now < end). Drafts never apply. */
export function isLive(list: Pick<PriceList, 'status' | 'startsAt' | 'endsAt'>, now: Date): boolean {
  if (list.status !== 'active') return false;
  if (list.startsAt && list.startsAt.getTime() > now.getTime()) return false;
  return !(list.endsAt && list.endsAt.getTime() <= now.getTime());
}

/**
 * How many targeting rules the buyer matches, or undefined when one of the list's rules excludes them. A rule is a
 * non-empty dimension (groups, countries, channels); an empty dimension matches everyone and does not count.
 */
export function targetingScore(list: Targeting, buyer: Buyer): number | undefined {
  let matched = 0;
  const rules: Array<[string[], (value: string) => boolean]> = [
    [list.customerGroups, (g) => buyer.customerGroups.includes(g)],
    [list.countries, (c) => c === buyer.country],
    [list.channels, (c) => c === buyer.channel],
  ];
  for (const [values, matches] of rules) {
    if (values.length === 0) continue;
    if (!values.some(matches)) return undefined;
    matched += 1;
  }
  return matched;
}

/** An end must come after the start; checked for the merged values on update too. */
export function windowIsValid(startsAt: Date | undefined, endsAt: Date | undefined): boolean {
  return startsAt === undefined || endsAt === undefined || endsAt.getTime() > startsAt.getTime();
}
