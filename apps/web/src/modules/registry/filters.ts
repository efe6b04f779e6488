/**
 * The list's filters as they live in the address (so back, reload and a shared link keep them)
 * and as the server takes them (GET /api/households and the two Excel exports).
 */
import { POVERTY_STATUS, type PovertyStatus } from '@fupin/domain';

export type PlaceKind = 'township' | 'village' | 'group';

export interface RegistryFilters {
  q: string;
  /** the unit chosen in the tree: a township, a village or a group */
  place: { kind: PlaceKind; id: string } | null;
  status: PovertyStatus | null;
  tag: string | null;
  cadreId: string | null;
  /** a flag of the active rule set (K1 … K10, M, R) */
  flag: string | null;
  /** only households with no current member */
  empty: boolean;
}

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_SIZE = 20;
const PLACE_KINDS: readonly PlaceKind[] = ['township', 'village', 'group'];

export const NO_FILTERS: RegistryFilters = {
  q: '',
  place: null,
  status: null,
  tag: null,
  cadreId: null,
  flag: null,
  empty: false,
};

export interface ListState {
  filters: RegistryFilters;
  page: number;
  pageSize: number;
}

/** Reads the address; anything malformed counts as absent. */
export function readListState(params: URLSearchParams): ListState {
  let place: RegistryFilters['place'] = null;
  for (const kind of PLACE_KINDS) {
    const id = params.get(kind);
    if (id) place = { kind, id };
  }
  const status = params.get('status');
  const flag = params.get('flag');
  const size = Number(params.get('size'));
  return {
    filters: {
      q: (params.get('q') ?? '').trim(),
      place,
      status: status && (POVERTY_STATUS.codes as readonly string[]).includes(status) ? (status as PovertyStatus) : null,
      tag: params.get('tag') || null,
      cadreId: params.get('cadre') || null,
      flag: flag && /^[A-Za-z][A-Za-z0-9_]{0,19}$/.test(flag) ? flag : null,
      empty: params.get('empty') === '1',
    },
    page: Math.max(1, Math.trunc(Number(params.get('page'))) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE,
  };
}

/** Writes the address: only what differs from the defaults, in a stable order. */
export function writeListState({ filters, page, pageSize }: ListState): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.q) out.set('q', filters.q);
  if (filters.place) out.set(filters.place.kind, filters.place.id);
  if (filters.status) out.set('status', filters.status);
  if (filters.tag) out.set('tag', filters.tag);
  if (filters.cadreId) out.set('cadre', filters.cadreId);
  if (filters.flag) out.set('flag', filters.flag);
  if (filters.empty) out.set('empty', '1');
  if (page > 1) out.set('page', String(page));
  if (pageSize !== DEFAULT_SIZE) out.set('size', String(pageSize));
  return out;
}

/** The server's query for these filters (without paging: the exports take the same). */
export function serverFilters(f: RegistryFilters): Record<string, string | undefined> {
  return {
    q: f.q || undefined,
    townshipId: f.place?.kind === 'township' ? f.place.id : undefined,
    villageId: f.place?.kind === 'village' ? f.place.id : undefined,
    groupId: f.place?.kind === 'group' ? f.place.id : undefined,
    povertyStatus: f.status ?? undefined,
    tag: f.tag ?? undefined,
    cadreId: f.cadreId ?? undefined,
    flag: f.flag ?? undefined,
    empty: f.empty ? 'true' : undefined,
  };
}

/** How many filters besides the search box are set (the phone's 筛选 button shows it). */
export function activeFilterCount(f: RegistryFilters): number {
  return [f.place, f.status, f.tag, f.cadreId, f.flag, f.empty || null].filter((v) => v !== null).length;
}
