// Typed access to what the vitest globalSetup provides to every test file.
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
  }
}

export function postgresAdminUrl(): string {
  return inject('postgresAdminUrl');
}
