// The example aggregate as the domain sees it: no storage, no transport. Replace with the service's own.
export interface Example {
  id: string;
  name: string;
  createdAt: Date;
}

export const EXAMPLE_NAME_MAX_LENGTH = 200;
