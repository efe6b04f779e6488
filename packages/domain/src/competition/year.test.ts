import { describe, expect, it } from 'vitest';
import type { FieldError } from '../errors';
import {
  annualCompetitionScore,
  checkCompetitionWeight,
  competitionWeightSchema,
  DEFAULT_COMPETITION_WEIGHT,
  MIN_COMPETITION_WEIGHT,
  scoreOutOf100Schema,
  villageYears,
  yearEndEvaluation,
} from './year';

describe('annualCompetitionScore', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[85.11], 85.11],
    [[80, 90], 85],
    [[85.11, 85.12], 85.12], // 85.115 → 85.12, where binary floating point gives 85.11
    [[80.01, 80.02, 80.02], 80.02], // 80.01666…
    [[80.01, 80.01, 80.02], 80.01], // 80.01333…
    [[100, 100, 100, 100, 100, 100, 100, 100, 100, 100], 100],
    [[0, 0.01], 0.01], // 0.005
    [[72.5, 81.25, 90, 66.75, 88.5, 79, 84.33, 91.2, 77.77, 85.01], 81.63], // 816.31 / 10 = 81.631
  ])('mean of %j → %s', (totals, annual) => {
    expect(annualCompetitionScore(totals)).toBe(annual);
  });

  it('refuses totals with more than two decimals', () => {
    expect(() => annualCompetitionScore([80.005])).toThrow(RangeError);
  });
});

describe('yearEndEvaluation', () => {
  it.each<[number, number, number, number]>([
    // [weight, competition, other, evaluation]
    [0.5, 80, 90, 85],
    [0.5, 85.11, 70, 77.56], // 77.555 → 77.56
    [0.6, 85.11, 70, 79.07], // 51.066 + 28 = 79.066
    [1, 85.11, 0, 85.11],
    [1, 85.11, 100, 85.11], // the other part counts for nothing
    [0.7, 100, 100, 100],
    [0.7, 0, 0, 0],
    [0.55, 81.63, 92.4, 86.48], // 44.8965 + 41.58 = 86.4765
    [0.75, 90.01, 60.03, 82.52], // 67.5075 + 15.0075 = 82.515 → 82.52
    [0.99, 50, 100, 50.5],
  ])('weight %s × %s + rest × %s → %s', (weight, competitionScore, otherScore, evaluation) => {
    expect(yearEndEvaluation({ weight, competitionScore, otherScore })).toBe(evaluation);
  });

  it.each<[string, { weight: number; competitionScore: number; otherScore: number }]>([
    ['a weight under 0.5', { weight: 0.49, competitionScore: 80, otherScore: 80 }],
    ['a weight over 1', { weight: 1.01, competitionScore: 80, otherScore: 80 }],
    ['a weight of three decimals', { weight: 0.555, competitionScore: 80, otherScore: 80 }],
    ['a score over 100', { weight: 0.5, competitionScore: 100.01, otherScore: 80 }],
    ['a negative other score', { weight: 0.5, competitionScore: 80, otherScore: -1 }],
    ['a score of three decimals', { weight: 0.5, competitionScore: 80, otherScore: 80.005 }],
  ])('refuses %s', (_what, input) => {
    expect(() => yearEndEvaluation(input)).toThrow(RangeError);
  });
});

describe('the competition weight', () => {
  it.each<[unknown, FieldError | null]>([
    [0.5, null], // exactly 50% is allowed: “不低于50%”
    [0.51, null],
    [0.75, null],
    [1, null],
    [0.49, { path: 'competitionWeight', key: 'competition.weight_range' }],
    [0.4999, { path: 'competitionWeight', key: 'competition.weight_range' }],
    [0, { path: 'competitionWeight', key: 'competition.weight_range' }],
    [-0.5, { path: 'competitionWeight', key: 'competition.weight_range' }],
    [1.01, { path: 'competitionWeight', key: 'competition.weight_range' }],
    [50, { path: 'competitionWeight', key: 'competition.weight_range' }], // a percentage typed as such
    [0.625, { path: 'competitionWeight', key: 'competition.two_decimals' }],
    ['0.6', { path: 'competitionWeight', key: 'issue.type' }],
    [null, { path: 'competitionWeight', key: 'issue.required' }],
  ])('%j → %j', (weight, problem) => {
    expect(checkCompetitionWeight(weight)).toEqual(problem);
  });

  it('defaults to the seed’s floor, which the schema accepts', () => {
    expect(DEFAULT_COMPETITION_WEIGHT).toBe(MIN_COMPETITION_WEIGHT);
    expect(competitionWeightSchema.safeParse(DEFAULT_COMPETITION_WEIGHT).success).toBe(true);
  });

  it.each<[unknown, boolean]>([
    [0, true],
    [100, true],
    [77.77, true],
    [100.01, false],
    [-0.01, false],
    [77.777, false],
  ])('a score out of 100 of %j → %s', (score, ok) => {
    expect(scoreOutOf100Schema.safeParse(score).success).toBe(ok);
  });
});

describe('villageYears', () => {
  it('gathers each village’s rounds in month order, with the annual score', () => {
    expect(
      villageYears([
        {
          month: '2020-04',
          scores: [
            { villageId: 'b', total: 70 },
            { villageId: 'a', total: 85.12 },
          ],
        },
        {
          month: '2020-03',
          scores: [
            { villageId: 'a', total: 85.11 },
            { villageId: 'b', total: 80 },
          ],
        },
        { month: '2020-05', scores: [{ villageId: 'c', total: 90 }] },
      ]),
    ).toEqual([
      {
        villageId: 'a',
        rounds: [
          { month: '2020-03', total: 85.11 },
          { month: '2020-04', total: 85.12 },
        ],
        annual: 85.12,
      },
      {
        villageId: 'b',
        rounds: [
          { month: '2020-03', total: 80 },
          { month: '2020-04', total: 70 },
        ],
        annual: 75,
      },
      // a village scored in May only is not given zeros for March and April
      { villageId: 'c', rounds: [{ month: '2020-05', total: 90 }], annual: 90 },
    ]);
  });

  it('is empty before any round', () => {
    expect(villageYears([])).toEqual([]);
  });

  it('refuses two rounds in one month', () => {
    expect(() =>
      villageYears([
        { month: '2020-03', scores: [] },
        { month: '2020-03', scores: [] },
      ]),
    ).toThrow(/one month/);
  });
});
