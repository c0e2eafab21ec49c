import type { Response } from 'express';
import { ok, type PageMeta } from '../models/envelope.js';

export function sendOk<T>(res: Response, data: T, meta?: PageMeta): void {
  res.status(200).json(ok(data, meta));
}

export function sendCreated<T>(res: Response, data: T): void {
  res.status(201).json(ok(data));
}
