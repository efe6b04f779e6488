import { describe, expect, it } from 'vitest';
import type { FieldError } from '../errors';
import { fromHundredths, toHundredths } from './decimal';
import { DEFAULT_RUBRIC } from './default-rubric';
import type { RubricItem } from './rubric';
import {
  checkNominations,
  checkScore,
  checkSheet,
  GROUPS_NOMINATED,
  judgeOwnVillages,
  mayJudgeVillage,
  type ScoreSheet,
  scoreVillage,
  sheetHundredths,
  type VillageSheets,
} from './scoring';

const R = DEFAULT_RUBRIC;
const INDUSTRY = R.households.items[0]!; // 产业发展, 8 points

/** A sheet that totals a figure: items filled in order up to their points. */
function sheetFor(items: readonly RubricItem[], total: number): ScoreSheet {
  let left = toHundredths(total);
  const sheet: Record<string, number> = {};
  for (const item of items) {
    const given = Math.min(left, toHundredths(item.points));
    sheet[item.code] = fromHundredths(given);
    left -= given;
  }
  if (left !== 0) throw new Error(`cannot reach ${total}`);
  return sheet;
}

const household = (total: number) => sheetFor(R.households.items, total);
const group = (total: number) => sheetFor(R.groups.items, total);
const villageSheet = (total: number) => sheetFor(R.village.items, total);

function sheets(households: number[], groups: number[], village: number): VillageSheets {
  return { villageId: 'v1', households: households.map(household), groups: groups.map(group), village: villageSheet(village) };
}

function score(input: VillageSheets) {
  const result = scoreVillage(R, input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.score;
}

describe('checkScore', () => {
  it.each<[unknown, FieldError | null]>([
    [0, null],
    [8, null],
    [7.5, null],
    [0.01, null],
    [7.99, null],
    [8.01, { path: 'p', key: 'competition.score_range', params: { item: '产业发展', max: 8 } }],
    [9, { path: 'p', key: 'competition.score_range', params: { item: '产业发展', max: 8 } }],
    [-0.01, { path: 'p', key: 'competition.score_range', params: { item: '产业发展', max: 8 } }],
    [-1, { path: 'p', key: 'competition.score_range', params: { item: '产业发展', max: 8 } }],
    [2.675, { path: 'p', key: 'competition.score_decimals', params: { item: '产业发展' } }],
    [7.999, { path: 'p', key: 'competition.score_decimals', params: { item: '产业发展' } }],
    [Number.NaN, { path: 'p', key: 'issue.type' }],
    [Number.POSITIVE_INFINITY, { path: 'p', key: 'issue.type' }],
    ['5', { path: 'p', key: 'issue.type' }],
    [null, { path: 'p', key: 'issue.type' }],
    [undefined, { path: 'p', key: 'issue.type' }],
  ])('%s of 8 → %j', (value, problem) => {
    expect(checkScore(INDUSTRY, value, 'p')).toEqual(problem);
  });
});

describe('checkSheet', () => {
  const items = R.groups.items; // four items of 5
  it.each<[string, Record<string, unknown>, FieldError[]]>([
    ['a full sheet', { g_demolished: 5, g_repaired: 4.5, g_tidy: 0, g_cleaned: 3.25 }, []],
    [
      'an item not scored',
      { g_demolished: 5, g_repaired: 4.5, g_tidy: 0 },
      [{ path: 'groups.1.g_cleaned', key: 'competition.score_missing', params: { item: '清得干净' } }],
    ],
    [
      'an item of another part',
      { g_demolished: 5, g_repaired: 4.5, g_tidy: 0, g_cleaned: 1, h_industry: 3 },
      [{ path: 'groups.1.h_industry', key: 'competition.unknown_item', params: { code: 'h_industry' } }],
    ],
    [
      'a score over the item’s points',
      { g_demolished: 5.5, g_repaired: 4.5, g_tidy: 0, g_cleaned: 1 },
      [{ path: 'groups.1.g_demolished', key: 'competition.score_range', params: { item: '拆得干净', max: 5 } }],
    ],
    [
      'an empty sheet',
      {},
      items.map((i) => ({ path: `groups.1.${i.code}`, key: 'competition.score_missing', params: { item: i.name } })),
    ],
  ])('%s', (_what, sheet, problems) => {
    expect(checkSheet(items, sheet as ScoreSheet, 'groups.1')).toEqual(problems);
  });

  it('does not take inherited names for items', () => {
    expect(checkSheet([{ ...INDUSTRY, code: 'constructor' }], {}, 's')).toEqual([
      { path: 's.constructor', key: 'competition.score_missing', params: { item: '产业发展' } },
    ]);
  });
});

describe('sheetHundredths', () => {
  it.each<[ScoreSheet, number]>([
    [{ g_demolished: 5, g_repaired: 5, g_tidy: 5, g_cleaned: 5 }, 2000],
    [{ g_demolished: 0.1, g_repaired: 0.2, g_tidy: 0, g_cleaned: 0 }, 30], // not 30.000000000000004
    [{ g_demolished: 4.33, g_repaired: 4.33, g_tidy: 4.34, g_cleaned: 0 }, 1300],
  ])('%j → %s', (sheet, total) => {
    expect(sheetHundredths(R.groups.items, sheet)).toBe(total);
  });
});

describe('scoreVillage: the parts', () => {
  it.each<[string, number[], number]>([
    ['one household', [41.67], 41.67],
    ['full marks', [50, 50, 50], 50],
    ['nothing', [0, 0], 0],
    ['2.675 rounds up', [2.67, 2.68], 2.68],
    ['41.675 rounds up', [41.67, 41.68], 41.68],
    ['1.005 rounds up (binary gives 1.00)', [1, 1.01], 1.01],
    ['8.345 rounds up (binary gives 8.34)', [8.34, 8.35], 8.35],
    ['40.00666… rounds up', [40, 40.01, 40.01], 40.01],
    ['40.00333… rounds down', [40, 40, 40.01], 40],
    ['49.995 rounds up to full marks', [49.99, 50], 50],
    ['five households', [45.5, 47.25, 38, 49.75, 42], 44.5],
    ['thirds', [33.33, 33.33, 33.34], 33.33],
  ])('看户, %s: mean of %j → %s', (_what, totals, part) => {
    expect(score(sheets(totals, [10, 10], 10)).households).toBe(part);
  });

  it.each<[number[], number]>([
    [[17.5, 18.25], 17.88], // 17.875
    [[19.99, 20], 20], // 19.995
    [[12.33, 12.34], 12.34], // 12.335
    [[20, 20], 20],
    [[0, 0.01], 0.01], // 0.005
    [[15], 15], // a village with one group
  ])('看组: mean of %j → %s', (totals, part) => {
    expect(score(sheets([25], totals, 10)).groups).toBe(part);
  });

  it.each<[number, number]>([
    [30, 30],
    [0, 0],
    [25.55, 25.55],
    [0.3, 0.3],
  ])('看村: the sheet totalling %s → %s', (total, part) => {
    expect(score(sheets([25], [10, 10], total)).village).toBe(part);
  });

  it('the total is the sum of the rounded parts, not the rounded sum', () => {
    // 41.675 + 17.875 + 25.55 = 85.10, but the table shows 41.68 + 17.88 + 25.55 = 85.11
    expect(score(sheets([41.67, 41.68], [17.5, 18.25], 25.55))).toEqual({
      villageId: 'v1',
      households: 41.68,
      groups: 17.88,
      village: 25.55,
      total: 85.11,
    });
  });

  it('scores a perfect village 100', () => {
    expect(score(sheets([50, 50, 50, 50, 50], [20, 20], 30)).total).toBe(100);
  });
});

describe('scoreVillage: problems', () => {
  it.each<[string, VillageSheets, FieldError[]]>([
    ['no household sampled', { ...sheets([], [10, 10], 10) }, [{ path: '', key: 'competition.no_households' }]],
    ['no group nominated', { ...sheets([20], [], 10) }, [{ path: '', key: 'competition.no_groups' }]],
    [
      'a household item sent empty',
      { ...sheets([20, 20], [10, 10], 10), households: [household(20), { ...household(20), h_policy: undefined } as never] },
      [{ path: 'households.1.h_policy', key: 'issue.type' }],
    ],
    [
      'a group score too high',
      { ...sheets([20], [10], 10), groups: [{ ...group(10), g_tidy: 6 }] },
      [{ path: 'groups.0.g_tidy', key: 'competition.score_range', params: { item: '整得美观', max: 5 } }],
    ],
    [
      'a village item missing and an unknown one',
      { ...sheets([20], [10], 10), village: { ...villageSheet(30), v_cemetery: undefined, v_roads: 2 } as never },
      [
        { path: 'village.v_cemetery', key: 'issue.type' },
        { path: 'village.v_roads', key: 'competition.unknown_item', params: { code: 'v_roads' } },
      ],
    ],
    [
      'nothing at all',
      { villageId: 'v1', households: [], groups: [], village: {} },
      [
        { path: '', key: 'competition.no_households' },
        { path: '', key: 'competition.no_groups' },
        ...R.village.items.map((i) => ({
          path: `village.${i.code}`,
          key: 'competition.score_missing',
          params: { item: i.name },
        })),
      ],
    ],
  ])('%s', (_what, input, problems) => {
    expect(scoreVillage(R, input)).toEqual({ ok: false, problems });
  });

  it('names every problem with its path', () => {
    const h = { ...household(20) } as Record<string, number>;
    delete h['h_policy'];
    const v = { ...villageSheet(30), v_roads: 2 } as Record<string, number>;
    delete v['v_cemetery'];
    const result = scoreVillage(R, {
      villageId: 'v1',
      households: [household(20), h],
      groups: [group(10), group(10)],
      village: v,
    });
    expect(!result.ok && result.problems).toEqual([
      { path: 'households.1.h_policy', key: 'competition.score_missing', params: { item: '政策落实' } },
      { path: 'village.v_cemetery', key: 'competition.score_missing', params: { item: '公墓建设' } },
      { path: 'village.v_roads', key: 'competition.unknown_item', params: { code: 'v_roads' } },
    ]);
  });
});

describe('judges', () => {
  it.each<[string, Parameters<typeof judgeOwnVillages>[0], string[]]>([
    ['a township officer', { homeVillageId: null, roleVillageIds: [], pairedVillageIds: [] }, []],
    ['village staff', { homeVillageId: 'v1', roleVillageIds: ['v1'], pairedVillageIds: [] }, ['v1']],
    [
      'a cadre paired in two villages',
      { homeVillageId: null, roleVillageIds: [], pairedVillageIds: ['v2', 'v3', 'v2'] },
      ['v2', 'v3'],
    ],
    ['a stationed leader', { homeVillageId: null, roleVillageIds: ['v4'], pairedVillageIds: ['v5'] }, ['v4', 'v5']],
    ['someone living in a village', { homeVillageId: 'v6', roleVillageIds: [], pairedVillageIds: [] }, ['v6']],
  ])('%s counts %j as their own', (_who, judge, own) => {
    expect([...judgeOwnVillages(judge)].sort()).toEqual(own);
  });

  it.each<[string[], string, boolean]>([
    [[], 'v1', true],
    [['v2'], 'v1', true],
    [['v1'], 'v1', false],
    [['v2', 'v1'], 'v1', false],
  ])('own %j, scoring %s → %s', (own, village, may) => {
    expect(mayJudgeVillage(own, village)).toBe(may);
    expect(mayJudgeVillage(new Set(own), village)).toBe(may);
  });

  it('a judge scores neither the village they live in nor those they are paired in', () => {
    const own = judgeOwnVillages({ homeVillageId: 'v1', roleVillageIds: [], pairedVillageIds: ['v2'] });
    expect(['v1', 'v2', 'v3'].filter((v) => mayJudgeVillage(own, v))).toEqual(['v3']);
  });
});

describe('checkNominations', () => {
  const groups = ['g1', 'g2', 'g3'];
  it.each<[string, string[], string[], FieldError[]]>([
    ['two groups of the village', ['g1', 'g3'], groups, []],
    ['one group', ['g1'], groups, [{ path: 'groupIds', key: 'competition.group_count', params: { count: 2 } }]],
    ['three groups', ['g1', 'g2', 'g3'], groups, [{ path: 'groupIds', key: 'competition.group_count', params: { count: 2 } }]],
    ['none', [], groups, [{ path: 'groupIds', key: 'competition.group_count', params: { count: 2 } }]],
    ['the same group twice', ['g1', 'g1'], groups, [{ path: 'groupIds.1', key: 'issue.duplicate' }]],
    ['a group of another village', ['g1', 'x9'], groups, [{ path: 'groupIds.1', key: 'GROUP_NOT_IN_VILLAGE' }]],
    ['the only group of a one-group village', ['g1'], ['g1'], []],
    [
      'two where the village has one',
      ['g1', 'g2'],
      ['g1'],
      [
        { path: 'groupIds.1', key: 'GROUP_NOT_IN_VILLAGE' },
        { path: 'groupIds', key: 'competition.group_count', params: { count: 1 } },
      ],
    ],
    ['a village without groups', [], [], [{ path: 'groupIds', key: 'competition.group_count', params: { count: 2 } }]],
  ])('%s', (_what, nominated, ofVillage, problems) => {
    expect(checkNominations(nominated, ofVillage)).toEqual(problems);
  });

  it('is two, as the seed says (每个村自报2个小组)', () => {
    expect(GROUPS_NOMINATED).toBe(2);
  });
});
