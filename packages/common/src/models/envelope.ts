// The API envelope of DESIGN.md section 7, shared by every REST response.
import type { FieldViolation } from '../errors/app-error.js';

export interface PageMeta {
  page: number;
  limit: number;
  total: number;
}

export interface SuccessEnvelope<T> {
  success: true;
  data: T;
  meta?: PageMeta;
}

export interface ErrorEnvelope {
  success: false;
  error: { code: string; message: string; details: FieldViolation[] };
}

export type Envelope<T> = SuccessEnvelope<T> | ErrorEnvelope;

export function ok<T>(data: T, meta?: PageMeta): SuccessEnvelope<T> {
  return meta ? { success: true, data, meta } : { success: true, data };
}

export function failure(code: string, message: string, details: FieldViolation[] = []): ErrorEnvelope {
  return { success: false, error: { code, message, details } };
}
