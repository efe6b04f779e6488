/** Schemas of the unit tree (county → township → village → group). */
import { z } from 'zod';
import { UNIT_KINDS } from '../units';
import { clientId, divisionCode, text } from './common';

export const unitKind = z.enum(UNIT_KINDS);

export const unitSchema = z.object({
  id: z.uuid(),
  kind: unitKind,
  parentId: z.uuid().nullable(),
  countyId: z.uuid(),
  townshipId: z.uuid().nullable(),
  villageId: z.uuid().nullable(),
  code: z.string().nullable(),
  name: z.string(),
  sortOrder: z.number().int(),
  updatedAt: z.string(),
});
export type Unit = z.infer<typeof unitSchema>;

export const createUnitInput = z.object({
  id: clientId,
  parentId: z.uuid(),
  name: text(1, 60),
  code: divisionCode,
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export type CreateUnitInput = z.infer<typeof createUnitInput>;

export const updateUnitInput = z.object({
  name: text(1, 60).optional(),
  code: divisionCode.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type UpdateUnitInput = z.infer<typeof updateUnitInput>;
