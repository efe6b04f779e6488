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

function mask(value: unknown, showIds: boolean): unknown {
  return showIds ? value : maskIdNumbersIn(value);
}

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

/** Stored column names (household documents are rows as the database writes them) become app field names. */
function camelKey(key: string): string {
  return key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** Keys a reader has no use for: bookkeeping of the row, derived search keys. */
const NOISE = new Set(['createdAt', 'updatedAt', 'headPinyin', 'namePinyin', 'townshipId', 'householdId']);

/** A recorded value as the app shows it: camelCase fields, bookkeeping left out. */
export function presentRecorded(entityType: string, value: unknown): unknown {
  const walk = (v: unknown, depth: number): unknown => {
    if (Array.isArray(v)) return v.map((x) => walk(x, depth + 1));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) {
        const key = camelKey(k);
        if (entityType === 'household' && NOISE.has(key)) continue;
        out[key] = walk(x, depth + 1);
      }
      return out;
    }
    return v;
  };
  return walk(value, 0);
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
    before: mask(presentRecorded(e.entityType, e.before), showIds),
    after: mask(presentRecorded(e.entityType, e.after), showIds),
    ip: e.ip,
  };
}
