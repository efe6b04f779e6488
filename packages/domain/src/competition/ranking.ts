/**
 * The round's ranking and money (DOMAIN.md §6, the seed's “结果运用”). Villages rank by total,
 * highest first; ties break by 看户, then 看村, then 看组; villages still tied share the rank
 * (competition ranking: 1, 2, 2, 4). The first three places get 5,000, 3,000 and 2,000 yuan, the
 * last three lose 5,000 (the last), 3,000 and 2,000; with fewer than six villages each end covers
 * ⌊n/2⌋ places at most, so no place both gains and loses. Tied villages share equally the sum of
 * the money of the places they occupy: tied at 3rd and 4th of seven they share 2,000 + 0.
 * Money is in fen (integers): a share is floored to the fen and the leftover fen go one each to
 * the tied villages listed first, so the shares always add up to the places' money exactly.
 */
import { z } from 'zod';
import { I18N_PREFIX } from '../i18n/issues';
import { hasAtMostTwoDecimals, toHundredths } from './decimal';
import type { VillageScore } from './scoring';

/** Rewards of the first places and deductions of the last places, in yuan (the last place first). */
export const DEFAULT_PRIZES: Prizes = { rewards: [5000, 3000, 2000], deductions: [5000, 3000, 2000] };

const yuan = z
  .number()
  .min(0)
  .max(1_000_000)
  .refine(hasAtMostTwoDecimals, { error: `${I18N_PREFIX}issue.money` });

export const prizesSchema = z.strictObject({
  /** rewards from the first place down */
  rewards: z.array(yuan).max(10),
  /** deductions from the last place up: [the last loses, the second-last loses, …] */
  deductions: z.array(yuan).max(10),
});
export type Prizes = z.infer<typeof prizesSchema>;

/** The money of each place in fen, place 1 first: a reward positive, a deduction negative. */
export function placeMoneyFen(villages: number, prizes: Prizes = DEFAULT_PRIZES): number[] {
  if (!Number.isInteger(villages) || villages < 0) throw new RangeError(`bad number of villages: ${villages}`);
  const money = new Array<number>(villages).fill(0);
  const perEnd = Math.floor(villages / 2);
  prizes.rewards.slice(0, perEnd).forEach((y, i) => {
    money[i] = toHundredths(y);
  });
  prizes.deductions.slice(0, perEnd).forEach((y, i) => {
    // 0 − 0 would be −0; a place without a deduction keeps a plain 0.
    money[villages - 1 - i] = y === 0 ? 0 : -toHundredths(y);
  });
  return money;
}

/**
 * Fen shared equally among some villages: each gets the share floored to the fen, and the
 * leftover fen go one each to the first villages. 10,000.00 among three is 3,333.34, 3,333.33,
 * 3,333.33; a deduction of 10,000.00 is −3,333.33, −3,333.33, −3,333.34 (the first listed are
 * favoured by the fen either way).
 */
export function shareFen(totalFen: number, count: number): number[] {
  if (!Number.isSafeInteger(totalFen) || !Number.isInteger(count) || count < 1)
    throw new RangeError(`cannot share ${totalFen} among ${count}`);
  const base = Math.floor(totalFen / count);
  const leftover = totalFen - base * count;
  return Array.from({ length: count }, (_, i) => base + (i < leftover ? 1 : 0));
}

/** A village's scores, with its place in the township's list (the order tied villages are listed in). */
export interface RankingEntry extends VillageScore {
  /** the village's sort order in the township; tied villages are listed by it, then by id */
  order?: number;
}

export interface RankedVillage extends RankingEntry {
  /** competition rank: tied villages share the best place they occupy */
  rank: number;
  /** the places the village's tie group occupies (first = last = rank when not tied) */
  firstPlace: number;
  lastPlace: number;
  /** reward (positive) or deduction (negative), in fen */
  moneyFen: number;
}

/** The figures a ranking compares, in hundredths, most important first (看户, then 看村, then 看组). */
function rankingKey(e: VillageScore): number[] {
  return [e.total, e.households, e.village, e.groups].map(toHundredths);
}

/** Negative when a ranks above b, zero when they tie on every figure. */
export function compareScores(a: VillageScore, b: VillageScore): number {
  const ka = rankingKey(a);
  const kb = rankingKey(b);
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return kb[i]! - ka[i]!;
  return 0;
}

/** The bulletin's order among tied villages: the township's order, then the id. */
function listingOrder(a: RankingEntry, b: RankingEntry): number {
  const oa = a.order ?? Number.POSITIVE_INFINITY;
  const ob = b.order ?? Number.POSITIVE_INFINITY;
  if (oa !== ob) return oa < ob ? -1 : 1;
  return a.villageId < b.villageId ? -1 : a.villageId > b.villageId ? 1 : 0;
}

/** The ranking of a round, in bulletin order, with each village's rank and money. */
export function rankVillages(entries: readonly RankingEntry[], prizes: Prizes = DEFAULT_PRIZES): RankedVillage[] {
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.villageId)) throw new Error(`village ${e.villageId} listed twice`);
    ids.add(e.villageId);
    // The total is the sum of the rounded parts; anything else is a caller's mistake.
    if (toHundredths(e.total) !== toHundredths(e.households) + toHundredths(e.groups) + toHundredths(e.village))
      throw new RangeError(`village ${e.villageId}: total is not the sum of its parts`);
  }
  const sorted = [...entries].sort((a, b) => compareScores(a, b) || listingOrder(a, b));
  const money = placeMoneyFen(sorted.length, prizes);
  const ranked: RankedVillage[] = [];
  for (let first = 0; first < sorted.length; ) {
    let last = first;
    while (last + 1 < sorted.length && compareScores(sorted[first]!, sorted[last + 1]!) === 0) last++;
    const pot = money.slice(first, last + 1).reduce((a, b) => a + b, 0);
    const shares = shareFen(pot, last - first + 1);
    for (let i = first; i <= last; i++)
      ranked.push({ ...sorted[i]!, rank: first + 1, firstPlace: first + 1, lastPlace: last + 1, moneyFen: shares[i - first]! });
    first = last + 1;
  }
  return ranked;
}
