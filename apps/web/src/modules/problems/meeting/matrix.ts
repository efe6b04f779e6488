/** The meeting's table from the server's village × category cells (pure: tested without a browser). */
import type { Matrix } from '../api';

export interface MatrixRow {
  /** null: the township's own problems (镇级) */
  villageId: string | null;
  name: string;
  total: number;
  closed: number;
  open: number;
  overdue: number;
  byCategory: Record<string, number>;
}

/** One row a village, in the township's order, then 镇级 when it holds any problem. */
export function matrixRows(m: Matrix, townshipLabel: string): MatrixRow[] {
  const places: { id: string | null; name: string }[] = [...m.villages, { id: null, name: townshipLabel }];
  const rows = places.map((v) => {
    const cells = m.cells.filter((c) => c.villageId === v.id);
    const byCategory: Record<string, number> = {};
    for (const c of cells) byCategory[c.category] = (byCategory[c.category] ?? 0) + c.open + c.closed;
    const sum = (k: 'open' | 'closed' | 'overdue') => cells.reduce((n, c) => n + c[k], 0);
    return {
      villageId: v.id,
      name: v.name,
      total: sum('open') + sum('closed'),
      closed: sum('closed'),
      open: sum('open'),
      overdue: sum('overdue'),
      byCategory,
    };
  });
  return rows.filter((r) => r.villageId !== null || r.total > 0);
}

/** The categories that hold any problem, in the vocabulary's order. */
export function usedCategories(m: Matrix): string[] {
  const used = new Set(m.cells.filter((c) => c.open + c.closed > 0).map((c) => c.category));
  return m.categories.map((c) => c.code).filter((code) => used.has(code));
}

/** The totals row. */
export function totalsOf(rows: MatrixRow[], name: string): MatrixRow {
  const byCategory: Record<string, number> = {};
  for (const r of rows) for (const [k, n] of Object.entries(r.byCategory)) byCategory[k] = (byCategory[k] ?? 0) + n;
  const sum = (k: 'total' | 'open' | 'closed' | 'overdue') => rows.reduce((n, r) => n + r[k], 0);
  return {
    villageId: null,
    name,
    total: sum('total'),
    closed: sum('closed'),
    open: sum('open'),
    overdue: sum('overdue'),
    byCategory,
  };
}
