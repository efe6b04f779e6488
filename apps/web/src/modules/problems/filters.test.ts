import { describe, expect, it } from 'vitest';
import { activeFilterCount, NO_FILTERS, problemQuery, readProblemState, writeProblemState } from './filters';

const VILLAGE = '0190a1b2-0000-7000-8000-000000000001';

describe('the ledger filters in the address', () => {
  it('round-trips every filter, the page and its size', () => {
    const state = {
      filters: {
        q: '卫生室',
        villageId: VILLAGE,
        category: 'site',
        source: 'village_self_check',
        status: 'open',
        level: 'township' as const,
        overdue: true,
        orderId: null,
      },
      page: 3,
      pageSize: 50,
    };
    expect(readProblemState(writeProblemState(state))).toEqual(state);
  });

  it('drops what is malformed or unknown', () => {
    const read = readProblemState(new URLSearchParams('village=x&category=nope&status=gone&level=county&page=-2&size=7'));
    expect(read).toEqual({ filters: NO_FILTERS, page: 1, pageSize: 20 });
  });

  it('writes nothing for the defaults, and the server query leaves empty filters out', () => {
    expect(writeProblemState({ filters: NO_FILTERS, page: 1, pageSize: 20 }).toString()).toBe('');
    expect(problemQuery({ ...NO_FILTERS, overdue: true, villageId: VILLAGE })).toEqual({
      q: undefined,
      villageId: VILLAGE,
      category: undefined,
      source: undefined,
      status: undefined,
      level: undefined,
      overdue: 'true',
      orderId: undefined,
    });
  });

  it('counts the filters set besides the search', () => {
    expect(activeFilterCount({ ...NO_FILTERS, q: 'x' })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, overdue: true, category: 'site' })).toBe(2);
  });
});
