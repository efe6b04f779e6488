/** Schemas of the unit tree (county → township → village → group). */
import { z } from 'zod';
import { UNIT_KINDS } from '../units';
import { clientId, divisionCode, optionalText, text } from './common';

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

/**
 * 派出单位: the unit an assistance cadre is sent from (a county bureau, a township office), and
 * its head (单位负责人), who answers for the cadres it sends (DOMAIN §7). The head need not have
 * an account: the chain names them by name.
 */
export const workUnitSchema = z.object({
  id: z.uuid(),
  townshipId: z.uuid(),
  name: z.string(),
  headName: z.string().nullable(),
  headTitle: z.string().nullable(),
  headPhone: z.string().nullable(),
  sortOrder: z.number().int(),
  /** accounts whose 派出单位 this is */
  cadreCount: z.number().int(),
  updatedAt: z.string(),
});
export type WorkUnit = z.infer<typeof workUnitSchema>;

const workUnitFields = {
  name: text(1, 60),
  headName: optionalText(40),
  headTitle: optionalText(30),
  headPhone: optionalText(20),
};

export const createWorkUnitInput = z.object({
  id: clientId,
  townshipId: z.uuid(),
  ...workUnitFields,
  sortOrder: z.number().int().min(0).max(100_000).default(0),
});
export type CreateWorkUnitInput = z.infer<typeof createWorkUnitInput>;

export const updateWorkUnitInput = z.object({
  name: workUnitFields.name.optional(),
  headName: workUnitFields.headName.optional(),
  headTitle: workUnitFields.headTitle.optional(),
  headPhone: workUnitFields.headPhone.optional(),
  sortOrder: z.number().int().min(0).max(100_000).optional(),
});
export type UpdateWorkUnitInput = z.infer<typeof updateWorkUnitInput>;
