import { describe, expect, it } from 'vitest';
import { DEFAULT_RUBRIC } from './default-rubric';
import { COMPETITION_PARTS, COMPETITION_TOTAL, itemOffice, LEAD_OFFICES, type Rubric, rubricTotals } from './rubric';

describe('the default rubric', () => {
  it.each<[string, number, number]>([
    ['households', 50, 6],
    ['groups', 20, 4],
    ['village', 30, 6],
  ])('%s: out of %s in %s items', (part, max, items) => {
    const p = DEFAULT_RUBRIC[part as keyof Rubric];
    expect(p.max).toBe(max);
    expect(p.items).toHaveLength(items);
    expect(rubricTotals(DEFAULT_RUBRIC).parts[part as keyof Rubric]).toEqual({ max, items: max });
  });

  it('adds up to 100', () => {
    expect(rubricTotals(DEFAULT_RUBRIC).total).toBe(COMPETITION_TOTAL);
  });

  it('covers the seed’s subjects', () => {
    const names = (part: keyof Rubric) => DEFAULT_RUBRIC[part].items.map((i) => i.name).join('、');
    for (const word of ['产业', '就业', '两不愁三保障', '政策落实', '问题整改', '帮扶基础'])
      expect(names('households')).toContain(word);
    expect(names('groups')).toBe('拆得干净、修得到位、整得美观、清得干净');
    for (const word of ['项目建设', '土坯房整治', '村集体经济', '粮食生产', '产业基地', '扶贫车间', '公墓建设'])
      expect(names('village')).toContain(word);
  });

  it('is led by the seed’s offices: 扶贫工作站 for 看户, 整治办 for 看组', () => {
    expect(LEAD_OFFICES.labels[DEFAULT_RUBRIC.households.office as keyof typeof LEAD_OFFICES.labels].zh).toBe('镇扶贫工作站');
    expect(LEAD_OFFICES.labels[DEFAULT_RUBRIC.groups.office as keyof typeof LEAD_OFFICES.labels].zh).toBe('镇整治办');
  });

  it.each<[string, string]>([
    ['v_projects', '镇项目办'],
    ['v_adobe', '镇整治办'],
    ['v_collective', '镇党建办'],
    ['v_grain', '镇农业农村办'],
    ['v_industry_base', '镇项目办'],
    ['v_cemetery', '镇民政所'],
  ])('village item %s is owned by %s', (code, office) => {
    const item = DEFAULT_RUBRIC.village.items.find((i) => i.code === code)!;
    expect(LEAD_OFFICES.labels[itemOffice(DEFAULT_RUBRIC, 'village', item) as keyof typeof LEAD_OFFICES.labels].zh).toBe(office);
  });

  it('household and group items are scored by their part’s office', () => {
    for (const part of ['households', 'groups'] as const)
      for (const item of DEFAULT_RUBRIC[part].items)
        expect(itemOffice(DEFAULT_RUBRIC, part, item)).toBe(DEFAULT_RUBRIC[part].office);
  });

  it.each(COMPETITION_PARTS)('%s: items have an English name and criteria', (part) => {
    for (const item of DEFAULT_RUBRIC[part].items) {
      expect(item.nameEn).toMatch(/^[^\p{Script=Han}]+$/u);
      expect(item.criteria.length).toBeGreaterThan(5);
      expect(item.code.startsWith(part[0]!)).toBe(true);
    }
  });
});
