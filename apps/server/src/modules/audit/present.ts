/** The API shape of audit entries, with ID numbers masked for readers who may not see them. */
import { maskIdNumber } from '@fupin/domain';
import { z } from 'zod';
import type { auditLog } from '../../db/schema/index';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  unitId: z.string().nullable(),
  unitName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const ID_KEYS = new Set(['idNumber', 'id_number', 'headIdNumber']);

/** Masks every ID number inside a recorded value, at any depth. */
export function maskIdNumbersIn(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskIdNumbersIn);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, ID_KEYS.has(k) && typeof v === 'string' ? maskIdNumber(v) : maskIdNumbersIn(v)]),
    );
  }
  return value;
}

export function presentAuditEntry(e: typeof auditLog.$inferSelect, unitName: string | null, showIds: boolean): AuditEntry {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    unitId: e.unitId,
    unitName,
    before: showIds ? e.before : maskIdNumbersIn(e.before),
    after: showIds ? e.after : maskIdNumbersIn(e.after),
    ip: e.ip,
  };
}
