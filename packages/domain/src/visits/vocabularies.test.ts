import { describe, expect, it } from 'vitest';
import { GUARANTEES, MEMBER_CHECKS, POLICIES, PROBLEM_CATEGORIES, PROBLEM_SOURCES } from './vocabularies';

const VOCABULARIES = Object.entries({ PROBLEM_CATEGORIES, PROBLEM_SOURCES, POLICIES, GUARANTEES, MEMBER_CHECKS });

describe.each(VOCABULARIES)('%s', (_name, vocabulary) => {
  it('lists every labelled code once, in the labels’ order', () => {
    expect(vocabulary.codes).toEqual(Object.keys(vocabulary.labels));
    expect(new Set(vocabulary.codes).size).toBe(vocabulary.codes.length);
  });

  it('codes are lower snake case (they are stored)', () => {
    for (const code of vocabulary.codes) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('labels every code in both languages, no two alike', () => {
    const labels = Object.values(vocabulary.labels) as { zh: string; en: string }[];
    for (const label of labels) {
      expect(label.zh.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
    }
    expect(new Set(labels.map((l) => l.zh)).size).toBe(labels.length);
    expect(new Set(labels.map((l) => l.en)).size).toBe(labels.length);
  });
});

describe('the shared codes of DOMAIN.md §5 and §8', () => {
  it.each([
    ['education', '义务教育'],
    ['medical', '基本医疗'],
    ['housing', '住房安全'],
    ['water', '饮水安全'],
    ['income', '收入'],
    ['industry', '产业'],
    ['employment', '就业'],
    ['policy', '政策落实'],
    ['assistance', '帮扶措施'],
    ['archive', '档案资料'],
    ['population', '人口变化'],
    ['site', '场所'],
    ['living_environment', '人居环境'],
    ['other', '其他'],
    ['food_clothing', '吃穿'],
  ])('problem category %s is %s', (code, zh) => {
    expect(PROBLEM_CATEGORIES.labels[code as keyof typeof PROBLEM_CATEGORIES.labels].zh).toBe(zh);
  });

  it('has exactly those problem categories', () => {
    expect(PROBLEM_CATEGORIES.codes).toHaveLength(15);
  });

  it.each(['visit', 'village_self_check', 'sector_inspection', 'county_crosscheck', 'town_crosscheck', 'competition'])(
    'problem source %s exists',
    (code) => {
      expect(PROBLEM_SOURCES.codes).toContain(code);
    },
  );

  it('the six guarantees: 两不愁 (food, clothing), 三保障 (education, medical, housing) and water', () => {
    expect(GUARANTEES.codes).toEqual(['food', 'clothing', 'education', 'medical', 'housing', 'water']);
  });

  it('the twelve policies of 应享尽享', () => {
    expect(POLICIES.codes).toEqual([
      'student_aid',
      'rain_dew',
      'medical_insurance_subsidy',
      'medical_aid',
      'house_renovation',
      'dibao',
      'tekun',
      'disability_subsidy',
      'industry_award',
      'welfare_job',
      'microcredit',
      'pension_subsidy',
    ]);
  });

  it('member checks: present, and each change of a household', () => {
    expect([...MEMBER_CHECKS.codes].sort()).toEqual(['born', 'died', 'married_in', 'married_out', 'moved_out', 'present']);
  });
});
