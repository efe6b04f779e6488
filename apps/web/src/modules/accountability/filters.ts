/**
 * The lapse list's filters as they live in the address and as the server takes them (the list and
 * the .xlsx export take the same), and where a lapse's evidence opens. Pure, so it is tested.
 */
import { LAPSE_DUTIES, LAPSE_KINDS, LAPSE_STATES } from '@fupin/domain';
import type { Lapse } from './api';

export interface LapseFilters {
  unit: string | null;
  campaign: string | null;
  kind: string | null;
  duty: string | null;
  state: string | null;
  /** a village's id, or `none` for the township's own lapses (those of no village) */
  village: string | null;
  /** lapses this person answers for directly */
  user: string | null;
  /** a 派出单位's name (its head answers with the cadres it sent), or `none`: cadres whose unit is not recorded */
  sending: string | null;
}

export const LAPSE_FILTER_KEYS = ['village', 'user', 'sending', 'kind', 'duty', 'state'] as const;
export type LapseFilterKey = (typeof LAPSE_FILTER_KEYS)[number];

export const EMPTY_LAPSE_FILTERS: LapseFilters = {
  unit: null,
  campaign: null,
  kind: null,
  duty: null,
  state: null,
  village: null,
  user: null,
  sending: null,
};

export const LAPSE_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuid = (v: string | null) => (v && UUID.test(v) ? v : null);
const oneOf = (v: string | null, codes: readonly string[]) => (v && codes.includes(v) ? v : null);
/** A 派出单位 is named, not numbered: free text, as long as the server takes it. */
const SENDING_MAX = 60;
const sendingName = (v: string | null) => {
  const s = v?.trim() ?? '';
  return s && s.length <= SENDING_MAX ? s : null;
};

export function readLapseState(params: URLSearchParams): { filters: LapseFilters; page: number; pageSize: number } {
  const size = Number(params.get('size'));
  return {
    filters: {
      unit: uuid(params.get('unit')),
      campaign: uuid(params.get('campaign')),
      kind: oneOf(params.get('kind'), LAPSE_KINDS),
      duty: oneOf(params.get('duty'), LAPSE_DUTIES),
      state: oneOf(params.get('state'), LAPSE_STATES),
      village: params.get('village') === 'none' ? 'none' : uuid(params.get('village')),
      user: uuid(params.get('user')),
      sending: sendingName(params.get('sending')),
    },
    page: Math.max(1, Math.trunc(Number(params.get('page'))) || 1),
    pageSize: (LAPSE_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE,
  };
}

export function writeLapseState(state: { filters: Partial<LapseFilters>; page?: number; pageSize?: number }): URLSearchParams {
  const f = { ...EMPTY_LAPSE_FILTERS, ...state.filters };
  const out = new URLSearchParams();
  for (const key of ['unit', 'campaign', ...LAPSE_FILTER_KEYS] as const) {
    const v = f[key];
    if (v) out.set(key, v);
  }
  if (state.page && state.page > 1) out.set('page', String(state.page));
  if (state.pageSize && state.pageSize !== DEFAULT_SIZE) out.set('size', String(state.pageSize));
  return out;
}

/** The address of the lapses behind a figure. */
export function lapsesHref(filters: Partial<LapseFilters>): string {
  const qs = writeLapseState({ filters }).toString();
  return qs ? `/accountability/lapses?${qs}` : '/accountability/lapses';
}

/** The server's filters (the export takes them as they are; the list adds paging). */
export function lapseQuery(f: LapseFilters): Record<string, string | undefined> | null {
  if (!f.unit) return null;
  return {
    unitId: f.unit,
    campaignId: f.campaign ?? undefined,
    kind: f.kind ?? undefined,
    duty: f.duty ?? undefined,
    state: f.state ?? undefined,
    villageId: f.village ?? undefined,
    userId: f.user ?? undefined,
    sendingUnit: f.sending ?? undefined,
  };
}

/** The filters set that a person may remove, in the order the tags show them. */
export function activeLapseFilters(f: LapseFilters): { key: LapseFilterKey; value: string }[] {
  return LAPSE_FILTER_KEYS.flatMap((key) => (f[key] ? [{ key, value: f[key] as string }] : []));
}

/**
 * Where a lapse's evidence opens: the household, the problem, the order, or the summary table.
 * A site or a sector sweep has no page of its own: null.
 */
export function subjectHref(subject: Lapse['subject']): string | null {
  const { type, id } = subject;
  if (type === 'household' && id) return `/registry/${id}`;
  if (type === 'problem' && id) return `/problems/${id}`;
  if (type === 'order' && id) return `/orders/${id}`;
  if (type === 'summary') return id === 'inspection' ? '/inspections/summary' : '/visits/overview';
  return null;
}
