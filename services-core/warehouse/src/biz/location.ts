// A stock location (warehouse, store back room ...) as the domain sees it.
export interface Location {
  id: string;
  code: string;
  name: string;
  address: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
  /** Lower is preferred by allocation. */
  priority: number;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NewLocation = Pick<Location, 'code' | 'name' | 'address' | 'country' | 'priority' | 'active'>;
export type LocationChanges = Partial<Pick<Location, 'name' | 'address' | 'country' | 'priority' | 'active'>>;

export const LOCATION_CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{0,31}$/;
export const COUNTRY_PATTERN = /^[A-Z]{2}$/;
export const MAX_PRIORITY = 1_000_000;
