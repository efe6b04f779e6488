/** Before and after of an audit entry as rows, field by field, marking what changed. */

export interface DiffRow {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Rows for every field of either side. A field changed when both sides exist and differ; on a
 * create or a delete (one side empty) nothing is marked, since every field would be.
 */
export function diffRows(before: unknown, after: unknown): DiffRow[] {
  const b = isRecord(before) ? before : null;
  const a = isRecord(after) ? after : null;
  if (!b && !a) {
    if (before === null && after === null) return [];
    return [
      {
        field: '',
        before,
        after,
        changed: before !== null && after !== null && JSON.stringify(before) !== JSON.stringify(after),
      },
    ];
  }
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  const rows = keys.map((field) => {
    const x = b?.[field] ?? null;
    const y = a?.[field] ?? null;
    return { field, before: x, after: y, changed: b !== null && a !== null && JSON.stringify(x) !== JSON.stringify(y) };
  });
  // What changed comes first; the rest keeps the record's own order.
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}
