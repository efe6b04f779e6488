/**
 * The ledger's filters as they live in the address (back, reload and a shared link keep them) and
 * as the server takes them (GET /api/problems and the 附件6 export).
 */
import { PROBLEM_CATEGORIES, PROBLEM_SOURCES, PROBLEM_STATUSES } from '@fupin/domain';

export interface ProblemFilters {
  q: string;
  villageId: string | null;
  category: string | null;
  source: string | null;
  status: string | null;
  level: 'village' | 'township' | null;
  overdue: boolean;
  orderId: string | null;
}

export const NO_FILTERS: ProblemFilters = {
  q: '',
  villageId: null,
  category: null,
  source: null,
  status: null,
  level: null,
  overdue: false,
  orderId: null,
};

export const PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const oneOf = (value: string | null, codes: readonly string[]) => (value && codes.includes(value) ? value : null);

export function readProblemState(params: URLSearchParams): { filters: ProblemFilters; page: number; pageSize: number } {
  const level = params.get('level');
  const village = params.get('village');
  const order = params.get('order');
  const size = Number(params.get('size'));
  return {
    filters: {
      q: (params.get('q') ?? '').trim().slice(0, 50),
      villageId: village && UUID.test(village) ? village : null,
      category: oneOf(params.get('category'), PROBLEM_CATEGORIES.codes),
      source: oneOf(params.get('source'), PROBLEM_SOURCES.codes),
      status: oneOf(params.get('status'), PROBLEM_STATUSES),
      level: level === 'village' || level === 'township' ? level : null,
      overdue: params.get('overdue') === '1',
      orderId: order && UUID.test(order) ? order : null,
    },
    page: Math.max(1, Math.trunc(Number(params.get('page'))) || 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_SIZE,
  };
}

export function writeProblemState(state: { filters: ProblemFilters; page: number; pageSize: number }): URLSearchParams {
  const { filters: f, page, pageSize } = state;
  const out = new URLSearchParams();
  if (f.q) out.set('q', f.q);
  if (f.villageId) out.set('village', f.villageId);
  if (f.category) out.set('category', f.category);
  if (f.source) out.set('source', f.source);
  if (f.status) out.set('status', f.status);
  if (f.level) out.set('level', f.level);
  if (f.overdue) out.set('overdue', '1');
  if (f.orderId) out.set('order', f.orderId);
  if (page > 1) out.set('page', String(page));
  if (pageSize !== DEFAULT_SIZE) out.set('size', String(pageSize));
  return out;
}

/** The server's query (without paging: the export takes the same). */
export function problemQuery(f: ProblemFilters): Record<string, string | undefined> {
  return {
    q: f.q || undefined,
    villageId: f.villageId ?? undefined,
    category: f.category ?? undefined,
    source: f.source ?? undefined,
    status: f.status ?? undefined,
    level: f.level ?? undefined,
    overdue: f.overdue ? 'true' : undefined,
    orderId: f.orderId ?? undefined,
  };
}

export function activeFilterCount(f: ProblemFilters): number {
  return [f.villageId, f.category, f.source, f.status, f.level, f.overdue || null, f.orderId].filter((v) => v !== null).length;
}
