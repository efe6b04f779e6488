/** Villages for the ranking's tests: a table is written as totals or as parts, and read back as a bulletin. */
import { fromHundredths, toHundredths } from './decimal';
import type { RankedVillage, RankingEntry } from './ranking';

/** A village with its parts (看户, 看村, 看组 — the order they break ties in); the total is their sum. */
export function parts(villageId: string, households: number, village: number, groups: number, order?: number): RankingEntry {
  const total = fromHundredths(toHundredths(households) + toHundredths(village) + toHundredths(groups));
  return { villageId, households, village, groups, total, ...(order === undefined ? {} : { order }) };
}

/** Villages by total alone, named a, b, c, … (all of it in 看户, so equal totals tie on every part). */
export function totals(...values: number[]): RankingEntry[] {
  return values.map((t, i) => parts(String.fromCharCode(97 + i), t, 0, 0));
}

/** The bulletin as [village, rank, yuan]. */
export function bulletin(ranked: readonly RankedVillage[]): [string, number, number][] {
  return ranked.map((r) => [r.villageId, r.rank, fromHundredths(r.moneyFen)]);
}
