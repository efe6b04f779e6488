/**
 * A household's change record (its audit entries) as rows a person can read: the household's
 * own fields that changed, and its members matched by id (added, removed, or field by field).
 * The audit page's `diffRows` compares one flat record; a household carries its members inside.
 */
import { MEMBER_SHEET_COLUMNS } from '@fupin/domain';
import { diffRows } from '../audit/diff';

export interface HistoryChange {
  key: string;
  /** the member's name, or null for the household's own fields */
  member: string | null;
  /** a whole member added or removed (no field) */
  memberChange: 'added' | 'removed' | null;
  field: string;
  before: unknown;
  after: unknown;
}

/** Bookkeeping the reader does not need to see. */
const HOUSEHOLD_SKIP = new Set(['id', 'townshipId', 'version', 'createdAt', 'updatedAt', 'headPinyin', 'members']);
const MEMBER_SKIP = new Set(['id', 'sortOrder', 'createdAt', 'updatedAt', 'namePinyin', 'townshipId', 'householdId']);
/** A member's fields in the order the form and the Excel sheet show them. */
const MEMBER_ORDER = MEMBER_SHEET_COLUMNS.map((c) => c.key);
const memberRank = (field: string) => {
  const i = MEMBER_ORDER.indexOf(field);
  return i < 0 ? MEMBER_ORDER.length : i;
};

type Doc = Record<string, unknown>;

function isDoc(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function membersOf(doc: Doc | null): Doc[] {
  const list = doc?.members;
  return Array.isArray(list) ? list.filter(isDoc) : [];
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function nameOf(m: Doc): string {
  return typeof m.name === 'string' ? m.name : '';
}

/** The household's own fields: what changed on an edit, what was filled on a create or a delete. */
function householdRows(before: Doc | null, after: Doc | null): HistoryChange[] {
  const strip = (d: Doc | null) => (d ? Object.fromEntries(Object.entries(d).filter(([k]) => !HOUSEHOLD_SKIP.has(k))) : null);
  const rows = diffRows(strip(before), strip(after));
  const oneSided = before === null || after === null;
  return rows
    .filter((r) => (oneSided ? !isEmpty(r.before) || !isEmpty(r.after) : r.changed))
    .map((r) => ({ key: `h.${r.field}`, member: null, memberChange: null, field: r.field, before: r.before, after: r.after }));
}

function memberRows(before: Doc | null, after: Doc | null): HistoryChange[] {
  const old = new Map(membersOf(before).map((m) => [String(m.id), m]));
  const now = new Map(membersOf(after).map((m) => [String(m.id), m]));
  const out: HistoryChange[] = [];
  for (const [id, m] of now) {
    const was = old.get(id);
    if (!was) {
      out.push({ key: `m.${id}`, member: nameOf(m), memberChange: 'added', field: '', before: null, after: m });
      continue;
    }
    const fields = [...new Set([...Object.keys(was), ...Object.keys(m)])].sort((x, y) => memberRank(x) - memberRank(y));
    for (const field of fields) {
      if (MEMBER_SKIP.has(field)) continue;
      const x = was[field] ?? null;
      const y = m[field] ?? null;
      if (JSON.stringify(x) === JSON.stringify(y)) continue;
      out.push({ key: `m.${id}.${field}`, member: nameOf(m) || nameOf(was), memberChange: null, field, before: x, after: y });
    }
  }
  for (const [id, m] of old) {
    if (!now.has(id)) out.push({ key: `m.${id}`, member: nameOf(m), memberChange: 'removed', field: '', before: m, after: null });
  }
  return out;
}

/** Every change one entry records, household fields first, then members in their order. */
export function householdChanges(before: unknown, after: unknown): HistoryChange[] {
  const b = isDoc(before) ? before : null;
  const a = isDoc(after) ? after : null;
  if (!b && !a) return [];
  return [...householdRows(b, a), ...memberRows(b, a)];
}

export interface PairingChange {
  cadreId: string | null;
  cadreName: string | null;
  since: string | null;
}

/** The cadre a pair or unpair entry names; an unpair records only the id, named from earlier pairs. */
export function pairingOf(
  entry: { action: string; before: unknown; after: unknown },
  names: ReadonlyMap<string, string>,
): PairingChange {
  const doc = isDoc(entry.after) ? entry.after : isDoc(entry.before) ? entry.before : {};
  const cadreId = typeof doc.cadreId === 'string' ? doc.cadreId : null;
  const named = typeof doc.cadreName === 'string' ? doc.cadreName : null;
  return {
    cadreId,
    cadreName: named ?? (cadreId ? (names.get(cadreId) ?? null) : null),
    since: typeof doc.since === 'string' ? doc.since : null,
  };
}

/** Cadre names by id, from the pair entries of a history. */
export function cadreNames(entries: readonly { action: string; after: unknown }[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of entries) {
    if (e.action !== 'pair' || !isDoc(e.after)) continue;
    const { cadreId, cadreName } = e.after;
    if (typeof cadreId === 'string' && typeof cadreName === 'string') out.set(cadreId, cadreName);
  }
  return out;
}
