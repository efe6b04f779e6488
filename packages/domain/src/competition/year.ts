/**
 * The competition's year (DOMAIN.md §6, the seed: “得分记入各村全年总分 … 占年终考评比例不低于50%”).
 * A village's annual competition score is the mean of its finalised rounds' totals, out of 100;
 * the year-end evaluation weighs it by a setting of at least 0.5 against the other part of the
 * evaluation (also out of 100). Both are rounded half up to two decimals, computed in integer
 * hundredths so the figure is exact.
 */
import { z } from 'zod';
import type { FieldError } from '../errors';
import { I18N_PREFIX, issueToFieldError } from '../i18n/issues';
import { fromHundredths, hasAtMostTwoDecimals, meanHundredths, roundRatioHalfUp, toHundredths } from './decimal';

export const MIN_COMPETITION_WEIGHT = 0.5;
export const MAX_COMPETITION_WEIGHT = 1;
/** The seed's floor is the default: the competition counts half of the year-end evaluation. */
export const DEFAULT_COMPETITION_WEIGHT = 0.5;

const i18n = (key: string) => ({ error: `${I18N_PREFIX}${key}` });

/** The competition's share of the year-end evaluation: 0.5 … 1, a whole percent (two decimals). */
export const competitionWeightSchema = z
  .number()
  .min(MIN_COMPETITION_WEIGHT, i18n('competition.weight_range'))
  .max(MAX_COMPETITION_WEIGHT, i18n('competition.weight_range'))
  .refine(hasAtMostTwoDecimals, i18n('competition.two_decimals'));

/** A score out of 100 with at most two decimals (the other part of the year-end evaluation). */
export const scoreOutOf100Schema = z.number().min(0).max(100).refine(hasAtMostTwoDecimals, i18n('competition.two_decimals'));

/** The problem with a weight, or null when it may be saved (path `competitionWeight`). */
export function checkCompetitionWeight(weight: unknown): FieldError | null {
  const parsed = competitionWeightSchema.safeParse(weight);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0]!;
  return issueToFieldError({ ...issue, path: ['competitionWeight', ...issue.path] });
}

/** The annual competition score: the mean of the rounds' totals, half up to two decimals; null before any round. */
export function annualCompetitionScore(roundTotals: readonly number[]): number | null {
  const mean = meanHundredths(roundTotals.map(toHundredths));
  return mean === null ? null : fromHundredths(mean);
}

/**
 * The year-end evaluation: weight × competition score + (1 − weight) × other score, half up to two
 * decimals. Inputs are validated by the schemas above; anything else is a programming error.
 */
export function yearEndEvaluation(input: { competitionScore: number; otherScore: number; weight: number }): number {
  if (!competitionWeightSchema.safeParse(input.weight).success) throw new RangeError(`bad weight: ${input.weight}`);
  for (const score of [input.competitionScore, input.otherScore])
    if (!scoreOutOf100Schema.safeParse(score).success) throw new RangeError(`bad score: ${score}`);
  const w = toHundredths(input.weight);
  // hundredths of weight × hundredths of points, back to hundredths of points: ÷ 100, rounded once.
  const numerator = w * toHundredths(input.competitionScore) + (100 - w) * toHundredths(input.otherScore);
  return fromHundredths(roundRatioHalfUp(numerator, 100));
}

/** One village's year: its total in each round it was scored in, and the annual score. */
export interface VillageYear {
  villageId: string;
  rounds: { month: string; total: number }[];
  annual: number;
}

/**
 * Each village's year from the finalised rounds (month YYYY-MM with the villages' totals), months
 * in order. A village counts the rounds it was scored in: one that joined in May is not given
 * zeros for March and April. One round per month: two in a month is a caller's mistake.
 */
export function villageYears(
  rounds: readonly { month: string; scores: readonly { villageId: string; total: number }[] }[],
): VillageYear[] {
  const months = new Set(rounds.map((r) => r.month));
  if (months.size !== rounds.length) throw new Error('two rounds in one month');
  const byVillage = new Map<string, { month: string; total: number }[]>();
  for (const round of [...rounds].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0)))
    for (const s of round.scores) {
      const list = byVillage.get(s.villageId) ?? [];
      list.push({ month: round.month, total: s.total });
      byVillage.set(s.villageId, list);
    }
  return [...byVillage.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([villageId, list]) => ({
      villageId,
      rounds: list,
      annual: annualCompetitionScore(list.map((r) => r.total))!,
    }));
}
