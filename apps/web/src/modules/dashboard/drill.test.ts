import { describe, expect, it } from 'vitest';
import {
  activeFilters,
  barTarget,
  type DrillList,
  drillHref,
  drillQuery,
  EMPTY_DRILL,
  pageOfRows,
  percent,
  REPORTED,
  readDrill,
  withoutFilter,
  writeDrill,
} from './drill';

const T = '0190a1b2-0000-7000-8000-000000000001';
const V = '0190a1b2-0000-7000-8000-000000000002';
const C = '0190a1b2-0000-7000-8000-000000000003';
const U = '0190a1b2-0000-7000-8000-000000000004';

describe('a figure’s list filters in the address', () => {
  it.each<[DrillList, Partial<typeof EMPTY_DRILL>]>([
    ['visits', { unit: T, campaign: C, village: V, cadre: U, state: 'missing' }],
    ['problems', { unit: T, village: V, category: 'housing', state: 'overdue' }],
    ['problems', { unit: T, village: 'none', state: 'open' }],
    ['summaries', { unit: T, campaign: C, state: 'late', kind: 'inspection' }],
  ])('round-trips the %s list’s filters, page and size', (list, filters) => {
    const state = { filters: { ...EMPTY_DRILL, ...filters }, page: 2, pageSize: 50 };
    expect(readDrill(list, writeDrill(list, state))).toEqual(state);
  });

  it.each<[DrillList, string, string | null]>([
    // each list takes only its own figures' states
    ['visits', 'state=missing', 'missing'],
    ['visits', 'state=overdue', null],
    ['problems', 'state=overdue', 'overdue'],
    ['problems', 'state=missing', null],
    ['summaries', 'state=submitted_late', 'submitted_late'],
    ['summaries', 'state=done', null],
  ])('%s ?%s reads state %s', (list, qs, state) => {
    expect(readDrill(list, new URLSearchParams(qs)).filters.state).toBe(state);
  });

  it('drops what is malformed or belongs to another list', () => {
    const qs = `unit=x&campaign=${C}&village=none&cadre=${U}&category=housing&kind=nope&page=-1&size=7`;
    expect(readDrill('visits', new URLSearchParams(qs))).toEqual({
      filters: { ...EMPTY_DRILL, campaign: C, cadre: U },
      page: 1,
      pageSize: 20,
    });
    // the ledger runs across campaigns: the problem list has none; 'none' is a village there only
    expect(readDrill('problems', new URLSearchParams(qs)).filters).toEqual({
      ...EMPTY_DRILL,
      village: 'none',
      category: 'housing',
    });
  });

  it('links a figure to its list with only the filters that list takes', () => {
    expect(drillHref('problems', { unit: T, campaign: C, state: 'closed' })).toBe(`/dashboard/problems?unit=${T}&state=closed`);
    expect(drillHref('summaries', { unit: T, kind: 'visit' })).toBe(`/dashboard/summaries?unit=${T}&kind=visit`);
    expect(drillHref('visits', {})).toBe('/dashboard/visits');
  });
});

describe('the server query of a list', () => {
  it('waits for the unit', () => {
    expect(drillQuery('visits', EMPTY_DRILL, 1, 20)).toBeNull();
  });

  it('sends each list its own filters and the page as limit and offset', () => {
    const f = { ...EMPTY_DRILL, unit: T, campaign: C, village: V, cadre: U, category: 'water', state: 'due' };
    expect(drillQuery('visits', f, 3, 20)).toEqual({
      unitId: T,
      campaignId: C,
      villageId: V,
      cadreId: U,
      state: 'due',
      limit: 20,
      offset: 40,
    });
    expect(drillQuery('problems', f, 1, 50)).toEqual({
      unitId: T,
      villageId: V,
      category: 'water',
      state: 'due',
      limit: 50,
      offset: 0,
    });
    expect(drillQuery('summaries', { ...f, kind: 'inspection' }, 1, 20)).toEqual({
      unitId: T,
      campaignId: C,
      kind: 'inspection',
      state: 'due',
      limit: 20,
      offset: 0,
    });
  });
});

describe('removable filters', () => {
  const f = { ...EMPTY_DRILL, unit: T, campaign: C, village: V, cadre: U, category: 'water', state: 'due' };
  it('lists what each list shows as tags, unit and campaign being its frame', () => {
    expect(activeFilters('visits', f).map((a) => a.key)).toEqual(['village', 'cadre', 'state']);
    expect(activeFilters('problems', f).map((a) => a.key)).toEqual(['village', 'category', 'state']);
    expect(activeFilters('summaries', f).map((a) => a.key)).toEqual(['state']);
    expect(activeFilters('visits', { ...EMPTY_DRILL, unit: T })).toEqual([]);
  });
  it('removes one and keeps the rest', () => {
    expect(withoutFilter(f, 'cadre')).toEqual({ ...f, cadre: null });
  });
});

describe('a click on a bar', () => {
  const ids = ['a', null, 'c'];
  it.each([
    [
      { seriesId: 'missing', dataIndex: 0 },
      { id: 'a', state: 'missing' },
    ],
    [
      { seriesId: 'open', dataIndex: 1 },
      { id: null, state: 'open' },
    ],
    [
      { seriesId: 'done', dataIndex: 2 },
      { id: 'c', state: 'done' },
    ],
    // the first and the last row are hits; past either end, or a series that is no state, is not
    [{ seriesId: 'done', dataIndex: 3 }, null],
    [{ seriesId: 'done', dataIndex: -1 }, null],
    [{ seriesId: 'series0', dataIndex: 0 }, null],
    [{ dataIndex: 0 }, null],
  ])('%o → %o', (click, hit) => {
    expect(barTarget(ids, click, ['missing', 'open', 'done'])).toEqual(hit);
  });
});

describe('percent', () => {
  it.each([
    [0, 0, 0],
    [1, 3, 33.3],
    [2, 3, 66.7],
    [395, 395, 100],
  ])('%i of %i is %d%%', (part, whole, pct) => {
    expect(percent(part, whole)).toBe(pct);
  });
});

describe('已上报: the villages whose summary is in, on time or late', () => {
  const f = { ...EMPTY_DRILL, unit: T, campaign: C, state: REPORTED };
  const rows = ['submitted', 'pending', 'submitted_late', 'late', 'submitted'].map((state, i) => ({ villageId: `v${i}`, state }));

  it('is a state of the summary list only', () => {
    expect(readDrill('summaries', new URLSearchParams('state=reported')).filters.state).toBe(REPORTED);
    expect(readDrill('visits', new URLSearchParams('state=reported')).filters.state).toBeNull();
  });

  it('asks for every village of the unit and keeps the reported ones, paged here', () => {
    expect(drillQuery('summaries', f, 2, 20)).toEqual({ unitId: T, campaignId: C, kind: 'visit', limit: 500, offset: 0 });
    expect(pageOfRows(f, { items: rows, total: 5 }, 1, 2)).toEqual({ items: [rows[0], rows[2]], total: 3 });
    expect(pageOfRows(f, { items: rows, total: 5 }, 2, 2)).toEqual({ items: [rows[4]], total: 3 });
  });

  it('leaves every other list as the server paged it', () => {
    const other = { ...f, state: 'pending' };
    expect(pageOfRows(other, { items: rows.slice(0, 2), total: 9 }, 3, 2)).toEqual({ items: rows.slice(0, 2), total: 9 });
    expect(pageOfRows(other, undefined, 1, 20)).toEqual({ items: [], total: 0 });
  });
});
