import { DEFAULT_RUBRIC } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { draftOfRubric, draftTotals, rubricOfDraft, rubricProblems } from './rubric-draft';

const label = (row: number, field: string) => `第 ${row} 项 · ${field}`;

describe('the rubric editor’s draft', () => {
  it('goes back to the rubric it came from', () => {
    expect(rubricOfDraft(draftOfRubric(DEFAULT_RUBRIC))).toEqual(DEFAULT_RUBRIC);
    expect(rubricProblems(draftOfRubric(DEFAULT_RUBRIC), 'zh-CN', label)).toEqual({
      root: [],
      parts: { households: [], groups: [], village: [] },
    });
  });

  it('sums each part and the parts while typed, empty numbers as 0', () => {
    const d = draftOfRubric(DEFAULT_RUBRIC);
    d.village.items[0]!.points = null;
    d.groups.max = 25;
    const totals = draftTotals(d);
    expect(totals.total).toBe(105);
    expect(totals.parts.groups).toEqual({ max: 25, items: 20 });
    expect(totals.parts.village.items).toBeLessThan(30);
  });

  it('names the part, the row and the field of each problem, in the reader’s language', () => {
    const d = draftOfRubric(DEFAULT_RUBRIC);
    d.groups.max = 25;
    d.village.items[1]!.office = null;
    d.households.items[2]!.points = 14.005;
    const zh = rubricProblems(d, 'zh-CN', label);
    expect(zh.root).toEqual(['看户、看组、看村三部分满分合计应为 100 分']);
    expect(zh.parts.groups).toEqual(['「评分项」：本部分各评分项分值之和应等于本部分满分']);
    expect(zh.parts.village).toEqual(['「第 2 项 · office」：看村的每个评分项须指定牵头部门']);
    expect(zh.parts.households).toEqual(['「第 3 项 · points」：最多保留两位小数']);
    expect(rubricProblems(d, 'en', label).root).toEqual(['the maxima of households, groups and village must add up to 100']);
  });
});
