import { describe, expect, it } from 'vitest';
import { activeFilterCount, NO_FILTERS, readListState, serverFilters, writeListState } from './filters';

const V = '0196a3f0-0000-7000-8000-000000000001';

describe('registry list state in the address', () => {
  it('reads defaults from an empty address', () => {
    expect(readListState(new URLSearchParams())).toEqual({ filters: NO_FILTERS, page: 1, pageSize: 20 });
  });

  it('round-trips every filter, the page and the page size', () => {
    const state = {
      filters: {
        q: 'zs',
        place: { kind: 'group' as const, id: V },
        status: 'not_out' as const,
        tag: 'marginal',
        cadreId: V,
        flag: 'K1',
        empty: true,
      },
      page: 3,
      pageSize: 50,
    };
    const params = writeListState(state);
    expect(params.toString()).toBe(`q=zs&group=${V}&status=not_out&tag=marginal&cadre=${V}&flag=K1&empty=1&page=3&size=50`);
    expect(readListState(params)).toEqual(state);
  });

  it('ignores what it does not know: a bad status, flag, page or size', () => {
    const { filters, page, pageSize } = readListState(new URLSearchParams('status=poor&flag=1%3D1&page=-2&size=7&q=%20张三%20'));
    expect(filters.status).toBeNull();
    expect(filters.flag).toBeNull();
    expect(filters.q).toBe('张三');
    expect(page).toBe(1);
    expect(pageSize).toBe(20);
  });

  it('writes nothing for the defaults', () => {
    expect(writeListState({ filters: NO_FILTERS, page: 1, pageSize: 20 }).toString()).toBe('');
  });
});

describe('serverFilters', () => {
  it('sends the chosen unit under its kind and the empty filter as the string the API takes', () => {
    expect(serverFilters({ ...NO_FILTERS, place: { kind: 'village', id: V }, empty: true })).toEqual({
      q: undefined,
      townshipId: undefined,
      villageId: V,
      groupId: undefined,
      povertyStatus: undefined,
      tag: undefined,
      cadreId: undefined,
      flag: undefined,
      empty: 'true',
    });
  });
});

describe('activeFilterCount', () => {
  it('counts the filters besides the search box', () => {
    expect(activeFilterCount({ ...NO_FILTERS, q: 'zs' })).toBe(0);
    expect(activeFilterCount({ ...NO_FILTERS, status: 'exited', empty: true, tag: 'key' })).toBe(3);
  });
});
