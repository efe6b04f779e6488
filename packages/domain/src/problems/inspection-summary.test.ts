import { describe, expect, it } from 'vitest';
import { type InspectionSummaryInput, summarizeInspections } from './inspection-summary';
import type { ProblemStatus } from './lifecycle';

type Problem = InspectionSummaryInput['problems'][number];

function problem(source: string, status: ProblemStatus, category = 'site', level: 'village' | 'township' = 'village'): Problem {
  return { source, category, status, level };
}

const EMPTY = {
  sites: 0,
  sitesInspected: 0,
  sitesMissing: 0,
  itemsChecked: 0,
  itemsFailed: 0,
  problems: 0,
  problemsByCategory: {},
  closed: 0,
  inRectification: 0,
  escalated: 0,
  crosscheckFound: 0,
  reopened: 0,
};

describe('summarizeInspections', () => {
  it('an empty village gives zeros everywhere', () => {
    expect(summarizeInspections({ sites: [], selfChecks: [], problems: [] })).toEqual(EMPTY);
  });

  describe('sites inspected and missing', () => {
    const sites = [{ id: 'office' }, { id: 'clinic' }, { id: 'workshop' }];

    it.each<[string, InspectionSummaryInput['selfChecks'], number, number]>([
      ['no self-check yet', [], 0, 3],
      ['one site', [{ siteId: 'office', items: 4, failed: 0 }], 1, 2],
      [
        'one site twice counts once',
        [
          { siteId: 'office', items: 4, failed: 0 },
          { siteId: 'office', items: 4, failed: 1 },
        ],
        1,
        2,
      ],
      [
        'every site',
        [
          { siteId: 'office', items: 4, failed: 0 },
          { siteId: 'clinic', items: 4, failed: 2 },
          { siteId: 'workshop', items: 3, failed: 0 },
        ],
        3,
        0,
      ],
      ['a check of no site inspects no site', [{ siteId: null, items: 3, failed: 1 }], 0, 3],
      [
        'a check of a site not in the list (archived) inspects none of these',
        [{ siteId: 'old-base', items: 2, failed: 0 }],
        0,
        3,
      ],
    ])('%s', (_label, selfChecks, inspected, missing) => {
      const s = summarizeInspections({ sites, selfChecks, problems: [] });
      expect(s.sites).toBe(3);
      expect(s.sitesInspected).toBe(inspected);
      expect(s.sitesMissing).toBe(missing);
      expect(s.sitesInspected + s.sitesMissing).toBe(s.sites);
    });

    it('a village with no sites has none missing', () => {
      const s = summarizeInspections({ sites: [], selfChecks: [{ siteId: null, items: 4, failed: 1 }], problems: [] });
      expect(s).toMatchObject({ sites: 0, sitesInspected: 0, sitesMissing: 0, itemsChecked: 4, itemsFailed: 1 });
    });
  });

  it('items checked and failed add up over every self-check, with or without a site', () => {
    const s = summarizeInspections({
      sites: [{ id: 'office' }],
      selfChecks: [
        { siteId: 'office', items: 4, failed: 1 },
        { siteId: 'office', items: 4, failed: 0 },
        { siteId: null, items: 3, failed: 3 },
        { siteId: 'elsewhere', items: 2, failed: 0 },
      ],
      problems: [],
    });
    expect(s.itemsChecked).toBe(13);
    expect(s.itemsFailed).toBe(4);
  });

  describe('problems of the self-check', () => {
    it.each<[string, Problem[], Partial<typeof EMPTY>]>([
      ['one open', [problem('village_self_check', 'open')], { problems: 1, closed: 0, inRectification: 1 }],
      ['one closed', [problem('village_self_check', 'closed')], { problems: 1, closed: 1, inRectification: 0 }],
      // everything not closed is still being rectified, whatever its step
      [
        'each open status',
        (['open', 'in_rectification', 'submitted', 'reopened'] as const).map((s) => problem('village_self_check', s)),
        { problems: 4, closed: 0, inRectification: 4, reopened: 1 },
      ],
      [
        'escalated ones are those at township level, closed or not',
        [
          problem('village_self_check', 'open', 'site', 'township'),
          problem('village_self_check', 'closed', 'site', 'township'),
          problem('village_self_check', 'open', 'site', 'village'),
        ],
        { problems: 3, closed: 1, inRectification: 2, escalated: 2 },
      ],
      [
        'problems of other sources are not the self-check’s',
        [
          problem('sector_inspection', 'open', 'education', 'township'),
          problem('competition', 'closed', 'living_environment'),
          problem('visit', 'open', 'housing'),
        ],
        { problems: 0, closed: 0, inRectification: 0, escalated: 0, crosscheckFound: 0, problemsByCategory: {} },
      ],
    ])('%s', (_label, problems, expected) => {
      expect(summarizeInspections({ sites: [], selfChecks: [], problems })).toMatchObject(expected);
    });

    it('counts the self-check’s problems by category, and only categories that occur', () => {
      const s = summarizeInspections({
        sites: [],
        selfChecks: [],
        problems: [
          problem('village_self_check', 'open', 'site'),
          problem('village_self_check', 'closed', 'site'),
          problem('village_self_check', 'open', 'archive'),
          problem('sector_inspection', 'open', 'water'),
          problem('county_crosscheck', 'open', 'site'),
        ],
      });
      expect(s.problemsByCategory).toEqual({ site: 2, archive: 1 });
      expect(s.problems).toBe(3);
      expect(s.closed + s.inRectification).toBe(s.problems);
    });
  });

  describe('cross-checks', () => {
    it.each<[string, Problem[], number, number]>([
      ['a county cross-check finding', [problem('county_crosscheck', 'open')], 1, 0],
      ['a town cross-check finding', [problem('town_crosscheck', 'closed')], 1, 0],
      ['both', [problem('county_crosscheck', 'open'), problem('town_crosscheck', 'in_rectification')], 2, 0],
      ['a self-check problem reopened', [problem('village_self_check', 'reopened')], 0, 1],
      ['a sector problem reopened', [problem('sector_inspection', 'reopened')], 0, 1],
      ['a cross-check finding later reopened', [problem('county_crosscheck', 'reopened')], 1, 1],
      // a reopened problem that work has started on again no longer shows as reopened (see the report)
      ['a reopened problem being fixed again', [problem('village_self_check', 'in_rectification')], 0, 0],
      ['not a cross-check', [problem('sector_inspection', 'open'), problem('village_self_check', 'open')], 0, 0],
    ])('%s', (_label, problems, crosscheckFound, reopened) => {
      const s = summarizeInspections({ sites: [], selfChecks: [], problems });
      expect(s.crosscheckFound).toBe(crosscheckFound);
      expect(s.reopened).toBe(reopened);
    });

    it('cross-check findings are counted apart from the self-check’s problems', () => {
      const s = summarizeInspections({
        sites: [],
        selfChecks: [],
        problems: [problem('county_crosscheck', 'open', 'site', 'township'), problem('village_self_check', 'open')],
      });
      expect(s).toMatchObject({ problems: 1, escalated: 0, crosscheckFound: 1, problemsByCategory: { site: 1 } });
    });
  });
});
