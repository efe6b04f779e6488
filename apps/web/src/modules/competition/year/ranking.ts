/** The year's figures as the charts draw them (pure: tested beside). */
import type { Year } from '../work-api';

/** The latest month with totals: its villages from first to last. */
export function latestRanking(y: Year): { month: string; rows: { name: string; total: number; rank: number }[] } | null {
  for (let i = y.months.length - 1; i >= 0; i--) {
    const month = y.months[i]?.month ?? '';
    const rows = y.villages
      .map((v) => ({ name: v.villageName, total: v.monthly[i]?.total ?? null, rank: v.monthly[i]?.rank ?? null }))
      .filter((r): r is { name: string; total: number; rank: number } => r.total !== null && r.rank !== null)
      .sort((a, b) => a.rank - b.rank);
    if (rows.length) return { month, rows };
  }
  return null;
}

/**
 * Where the ranking's bars start: a round ten below the lowest total, not 0, so villages a point
 * apart look apart (totals mostly sit between 80 and 100).
 */
export function barsFloor(lowest: number): number {
  return Math.max(0, Math.floor(lowest / 10) * 10 - 10);
}
