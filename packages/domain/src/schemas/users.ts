/** Schemas of accounts, roles and sessions. */
import { z } from 'zod';
import { I18N_PREFIX } from '../i18n/issues';
import { PERMISSIONS, ROLES, SECTORS } from '../roles';
import { clientId, optionalText, text } from './common';

export const roleCode = z.enum(ROLES);
export const sectorCode = z.enum(SECTORS);

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{3,32}$/, { error: `${I18N_PREFIX}issue.username` });

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const changePasswordInput = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: z.string().min(1).max(256),
});

export const roleAssignmentSchema = z.object({
  id: z.uuid(),
  role: roleCode,
  unitId: z.uuid(),
  unitName: z.string(),
  unitKind: z.string(),
  sector: sectorCode.nullable(),
  title: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof roleAssignmentSchema>;

export const userSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  phone: z.string().nullable(),
  homeUnitId: z.uuid(),
  homeUnitName: z.string(),
  /** 派出单位 of an assistance cadre */
  workUnitId: z.uuid().nullable(),
  workUnitName: z.string().nullable(),
  mustChangePassword: z.boolean(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(roleAssignmentSchema),
});
export type User = z.infer<typeof userSchema>;

export const createUserInput = z.object({
  id: clientId,
  username,
  displayName: text(1, 40),
  phone: optionalText(20),
  homeUnitId: z.uuid(),
  workUnitId: z
    .uuid()
    .nullish()
    .transform((v) => v ?? null),
  /** the initial password the admin hands over; it must be changed at first login */
  password: z.string().min(1).max(256),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const updateUserInput = z.object({
  displayName: text(1, 40).optional(),
  phone: optionalText(20).optional(),
  homeUnitId: z.uuid().optional(),
  /** null clears it */
  workUnitId: z.uuid().nullable().optional(),
  disabled: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

export const resetPasswordInput = z.object({ password: z.string().min(1).max(256) });

export const assignRoleInput = z.object({
  id: clientId,
  role: roleCode,
  unitId: z.uuid(),
  sector: sectorCode.nullish().transform((v) => v ?? null),
  title: optionalText(30),
});
export type AssignRoleInput = z.infer<typeof assignRoleInput>;

export const sessionSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});

export const meSchema = z.object({
  user: userSchema,
  permissions: z.array(z.enum(PERMISSIONS)),
});
export type Me = z.infer<typeof meSchema>;

/** What a 帮扶干部花名册 import did (an import with any problem writes nothing and answers 400). */
export const rosterResultSchema = z.object({
  rows: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  workUnitsCreated: z.number().int(),
  pairingsAdded: z.number().int(),
});
export type RosterResult = z.infer<typeof rosterResultSchema>;
