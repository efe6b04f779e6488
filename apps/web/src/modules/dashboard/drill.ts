/**
 * Drill-down: every dashboard figure opens the list behind it, filtered the same way. The lists'
 * filters live in the address (back, reload and a shared link keep them) and are sent to the
 * server's list endpoints as they are, so a list always holds exactly the rows its figure counted.
 */
import { PROBLEM_CATEGORIES, PROBLEM_FIGURES, type SUMMARY_KINDS, SUMMARY_STATES, VISIT_TASK_STATES } from '@fupin/domain';

export type DrillList = 'visits' | 'problems' | 'summaries';
export type SummaryKind = (typeof SUMMARY_KINDS)[number];

export interface DrillFilters {
  /** the dashboard's unit: a township, or a village for village staff */
  unit: string | null;
  campaign: string | null;
  /** a village id; on the problem list also 'none' (township-level problems of no village) */
  village: string | null;
  /** visits only: a cadre's own paired households */
  cadre: string | null;
  /** problems only */
  category: string | null;
  state: string | null;
  /** summaries only: 附件3 or 附件5 */
  kind: SummaryKind;
}

/** The filters a person can remove from a list (unit, campaign and kind are its frame). */
export const REMOVABLE = ['village', 'cadre', 'category', 'state'] as const;
export type RemovableFilter = (typeof REMOVABLE)[number];

export const EMPTY_DRILL: DrillFilters = {
  unit: null,
  campaign: null,
  village: null,
  cadre: null,
  category: null,
  state: null,
  kind: 'visit',
};

export const DRILL_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * 已上报 (reported) counts villages whose summary is in, on time or late: two of the server's
 * states. The summary list is one row a village, so the page asks for all of them and keeps those.
 */
export const REPORTED = 'reported';
export const REPORTED_STATES: readonly string[] = ['submitted', 'submitted_late'];
/** Every village of a township on one request (the API's page limit). */
const ALL_VILLAGES = 500;

/** The states a list's filter takes: the same words its figures count. */
export const LIST_STATES: Record<DrillList, readonly string[]> = {
  visits: VISIT_TASK_STATES,
  problems: PROBLEM_FIGURES,
  summaries: [...SUMMARY_STATES, REPORTED],
};

const uuid = (v: string | null) => (v && UUID.test(v) ? v : null);
const oneOf = (v: string | null, codes: readonly string[]) => (v && codes.includes(v) ? v : null);

export function readDrill(list: DrillList, params: URLSearchParams): { filters: DrillFilters; page: number; pageSize: number } {
  const village = params.get('village');
  const size = Number(params.get('size'));
  return {
    filters: {
      unit: uuid(params.get('unit')),
      campaign: list === 'problems' ? null : uuid(params.get('campaign')),
      village: list === 'problems' && village === 'none' ? 'none' : uuid(village),
      cadre: list === 'visits' ? uuid(params.get('cadre')) : null,
      category: list === 'problems' ? oneOf(params.get('category'), PROBLEM_CATEGORIES.codes) : null,
      state: oneOf(params.get('state'), LIST_STATES[list]),
      kind: params.get('kind') === 'inspection' ? 'inspection' : 'visit',
    },
    page: Math.max(1, Math.trunc(Number(params.get('page'))) || 1),
    pageSize: (DRILL_PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE,
  };
}

export function writeDrill(
  list: DrillList,
  state: { filters: Partial<DrillFilters>; page?: number; pageSize?: number },
): URLSearchParams {
  const f = { ...EMPTY_DRILL, ...state.filters };
  const out = new URLSearchParams();
  if (f.unit) out.set('unit', f.unit);
  // The ledger runs on across campaigns: the problem list has no campaign.
  if (f.campaign && list !== 'problems') out.set('campaign', f.campaign);
  if (f.village && (list !== 'summaries' || f.village !== 'none')) out.set('village', f.village);
  if (f.cadre && list === 'visits') out.set('cadre', f.cadre);
  if (f.category && list === 'problems') out.set('category', f.category);
  if (f.state) out.set('state', f.state);
  if (list === 'summaries') out.set('kind', f.kind);
  if (state.page && state.page > 1) out.set('page', String(state.page));
  if (state.pageSize && state.pageSize !== DEFAULT_SIZE) out.set('size', String(state.pageSize));
  return out;
}

/** The address of a figure's list. */
export function drillHref(list: DrillList, filters: Partial<DrillFilters>): string {
  const qs = writeDrill(list, { filters }).toString();
  return qs ? `/dashboard/${list}?${qs}` : `/dashboard/${list}`;
}

/** The server's query of one page of a list, or null while the unit is unknown. */
export function drillQuery(
  list: DrillList,
  f: DrillFilters,
  page: number,
  pageSize: number,
): Record<string, string | number | undefined> | null {
  if (!f.unit) return null;
  const base = { unitId: f.unit, limit: pageSize, offset: (page - 1) * pageSize, state: f.state ?? undefined };
  if (list === 'visits')
    return { ...base, campaignId: f.campaign ?? undefined, villageId: f.village ?? undefined, cadreId: f.cadre ?? undefined };
  if (list === 'problems') return { ...base, villageId: f.village ?? undefined, category: f.category ?? undefined };
  if (f.state === REPORTED)
    return { unitId: f.unit, campaignId: f.campaign ?? undefined, kind: f.kind, limit: ALL_VILLAGES, offset: 0 };
  return { ...base, campaignId: f.campaign ?? undefined, kind: f.kind };
}

/**
 * The rows of a page as the figure counted them: the list itself, or for 已上报 the villages in
 * either reported state, paged here.
 */
export function pageOfRows<T extends object>(
  f: DrillFilters,
  answer: { items: T[]; total: number } | undefined,
  page: number,
  pageSize: number,
): { items: T[]; total: number } {
  if (!answer) return { items: [], total: 0 };
  if (f.state !== REPORTED) return answer;
  const kept = answer.items.filter((r) => REPORTED_STATES.includes((r as { state?: string }).state ?? ''));
  return { items: kept.slice((page - 1) * pageSize, page * pageSize), total: kept.length };
}

/** The filters set on a list that a person may remove, in the order the tags show them. */
export function activeFilters(list: DrillList, f: DrillFilters): { key: RemovableFilter; value: string }[] {
  const allowed: Record<DrillList, readonly RemovableFilter[]> = {
    visits: ['village', 'cadre', 'state'],
    problems: ['village', 'category', 'state'],
    summaries: ['state'],
  };
  return allowed[list].flatMap((key) => (f[key] ? [{ key, value: f[key] as string }] : []));
}

/** The filters without one (a tag's close button); back to the first page. */
export function withoutFilter(f: DrillFilters, key: RemovableFilter): DrillFilters {
  return { ...f, [key]: null };
}

/**
 * A click on a bar: which row (of the rows the chart drew, in order) and which state (the series
 * id is the state's code). Null when the click hit something that is not a figure.
 */
export function barTarget<T>(
  ids: readonly T[],
  click: { seriesId?: string; dataIndex: number },
  states: readonly string[],
): { id: T; state: string } | null {
  if (click.dataIndex < 0 || click.dataIndex >= ids.length) return null;
  const state = click.seriesId && states.includes(click.seriesId) ? click.seriesId : null;
  if (!state) return null;
  return { id: ids[click.dataIndex] as T, state };
}

/** Per cent of a part, one decimal; 0 of 0 shows as 0. */
export function percent(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.round((part / whole) * 1000) / 10;
}
