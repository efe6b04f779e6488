import { describe, expect, it } from 'vitest';
import {
  activeLapseFilters,
  EMPTY_LAPSE_FILTERS,
  lapseQuery,
  lapsesHref,
  readLapseState,
  subjectHref,
  writeLapseState,
} from './filters';

const T = '0190a1b2-0000-7000-8000-000000000001';
const V = '0190a1b2-0000-7000-8000-000000000002';
const C = '0190a1b2-0000-7000-8000-000000000003';
const U = '0190a1b2-0000-7000-8000-000000000004';

describe('the lapse list’s filters in the address', () => {
  it('round-trips every filter, the page and its size', () => {
    const state = {
      filters: {
        unit: T,
        campaign: C,
        kind: 'rectify',
        duty: 'problem',
        state: 'missing',
        village: V,
        user: U,
        sending: '县交通运输局',
      },
      page: 4,
      pageSize: 100,
    };
    expect(readLapseState(writeLapseState(state))).toEqual(state);
  });

  it('drops what is malformed or unknown', () => {
    expect(readLapseState(new URLSearchParams('unit=1&kind=sleep&duty=nap&state=gone&user=x&page=0&size=3'))).toEqual({
      filters: EMPTY_LAPSE_FILTERS,
      page: 1,
      pageSize: 20,
    });
  });

  it('keeps the township’s own lapses (village=none) through the address to the server', () => {
    const { filters } = readLapseState(new URLSearchParams(`unit=${T}&village=none`));
    expect(filters.village).toBe('none');
    expect(lapseQuery(filters)?.villageId).toBe('none');
    expect(readLapseState(new URLSearchParams(`unit=${T}&village=nobody`)).filters.village).toBeNull();
  });

  it('takes a 派出单位 by its name, or none for the cadres whose unit is not recorded, and sends it as sendingUnit', () => {
    const { filters } = readLapseState(new URLSearchParams(`unit=${T}&sending=${encodeURIComponent(' 县交通运输局 ')}`));
    expect(filters.sending).toBe('县交通运输局');
    expect(lapseQuery(filters)?.sendingUnit).toBe('县交通运输局');
    expect(lapseQuery(readLapseState(new URLSearchParams(`unit=${T}&sending=none`)).filters)?.sendingUnit).toBe('none');
    // blank, or longer than the server takes (60): no filter rather than a refused request
    expect(readLapseState(new URLSearchParams('sending=%20%20')).filters.sending).toBeNull();
    expect(readLapseState(new URLSearchParams(`sending=${'局'.repeat(61)}`)).filters.sending).toBeNull();
    expect(readLapseState(new URLSearchParams(`sending=${'局'.repeat(60)}`)).filters.sending).toBe('局'.repeat(60));
    expect(lapseQuery({ ...EMPTY_LAPSE_FILTERS, unit: T })?.sendingUnit).toBeUndefined();
  });

  it('links a figure to its lapses', () => {
    expect(lapsesHref({ unit: T, campaign: null, user: U, kind: 'visit' })).toBe(
      `/accountability/lapses?unit=${T}&user=${U}&kind=visit`,
    );
    expect(lapsesHref({ unit: T, sending: '县水利局', state: 'missing' })).toBe(
      `/accountability/lapses?unit=${T}&sending=${encodeURIComponent('县水利局')}&state=missing`,
    );
  });

  it('sends the server its own names; the export takes the same', () => {
    expect(lapseQuery(EMPTY_LAPSE_FILTERS)).toBeNull();
    expect(lapseQuery({ ...EMPTY_LAPSE_FILTERS, unit: T, village: V, user: U, state: 'late' })).toEqual({
      unitId: T,
      campaignId: undefined,
      kind: undefined,
      duty: undefined,
      state: 'late',
      villageId: V,
      userId: U,
    });
  });

  it('shows as tags what can be removed, not the unit and campaign', () => {
    expect(activeLapseFilters({ ...EMPTY_LAPSE_FILTERS, unit: T, campaign: C, duty: 'order', user: U })).toEqual([
      { key: 'user', value: U },
      { key: 'duty', value: 'order' },
    ]);
    expect(activeLapseFilters({ ...EMPTY_LAPSE_FILTERS, unit: T, sending: 'none', kind: 'visit' })).toEqual([
      { key: 'sending', value: 'none' },
      { key: 'kind', value: 'visit' },
    ]);
  });
});

describe('where a lapse’s evidence opens', () => {
  it.each([
    [{ type: 'household', id: V }, `/registry/${V}`],
    [{ type: 'problem', id: V }, `/problems/${V}`],
    [{ type: 'order', id: V }, `/orders/${V}`],
    [{ type: 'summary', id: 'visit' }, '/visits/overview'],
    [{ type: 'summary', id: 'inspection' }, '/inspections/summary'],
    // a site or a sector sweep has no page of its own; a household without an id opens nothing
    [{ type: 'site', id: V }, null],
    [{ type: 'sector', id: 'education' }, null],
    [{ type: 'household', id: null }, null],
  ] as const)('%o → %s', (s, href) => {
    expect(subjectHref({ ...s, label: 'x', detail: null })).toBe(href);
  });
});
