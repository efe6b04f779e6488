import { DEFAULT_RUBRIC } from '@fupin/domain';
import { describe, expect, it } from 'vitest';
import { thisMonth } from '../format';
import { draftOf, draftProblems, draftTotal, fullDraft, sheetOf, stepped } from './sheet';

const items = DEFAULT_RUBRIC.households.items;
const industry = items[0]!;

describe('a judge’s sheet on the phone', () => {
  it('starts empty, or from the judge’s earlier sheet', () => {
    expect(Object.values(draftOf(items, null)).every((v) => v === null)).toBe(true);
    expect(draftOf(items, { h_industry: 6 }).h_industry).toBe(6);
    expect(sheetOf(draftOf(items, { h_industry: 6 }))).toEqual({ h_industry: 6 });
  });

  it('totals in hundredths, counting only scores within their item', () => {
    expect(draftTotal(items, fullDraft(items))).toBe(50);
    const d = { ...fullDraft(items), h_industry: 7.35, h_policy: 6.1 };
    expect(draftTotal(items, d)).toBe(47.45);
    expect(draftTotal(items, { ...d, h_industry: 9 })).toBe(40.1);
    expect(draftTotal(items, { ...d, h_industry: 7.355 })).toBe(40.1);
  });

  it('names the item out of range, and the items not scored once saving', () => {
    const d = { ...draftOf(items, null), h_industry: 9 };
    const live = draftProblems(items, d, 'zh-CN', false);
    expect([...live]).toEqual([['h_industry', '「产业发展」的得分应在 0 到 8 分之间']]);
    const saving = draftProblems(items, d, 'zh-CN', true);
    expect(saving.get('h_policy')).toBe('「政策落实」尚未评分');
    expect(saving.size).toBe(items.length);
    expect(draftProblems(items, fullDraft(items), 'en', true).size).toBe(0);
    expect(draftProblems(items, { ...fullDraft(items), h_policy: 1.234 }, 'en', false).get('h_policy')).toBe(
      'the score of "政策落实" has at most two decimals',
    );
  });

  it('steps within 0 … the item’s points', () => {
    expect(stepped(industry, null, 1)).toBe(1);
    expect(stepped(industry, null, -1)).toBe(7);
    expect(stepped(industry, 8, 1)).toBe(8);
    expect(stepped(industry, 0.3, -0.5)).toBe(0);
    expect(stepped(industry, 7.5, 0.5)).toBe(8);
    expect(stepped(industry, 12, -1)).toBe(7);
    expect(stepped(industry, 0.1, 0.2)).toBe(0.3);
  });

  it('this month is Beijing’s', () => {
    expect(thisMonth(new Date('2026-03-31T16:30:00Z'))).toBe('2026-04');
    expect(thisMonth(new Date('2026-03-31T15:30:00Z'))).toBe('2026-03');
  });
});
