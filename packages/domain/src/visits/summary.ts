/**
 * The village visit summary (附件3), computed from the forms: households in scope and visited
 * by type, members confirmed, problems by category, fixed on the spot, escalated, new marginal
 * and key households found, registry discrepancies, and the coverage rate.
 */
import type { ProblemCategory } from './vocabularies';

export const HOUSEHOLD_TYPES = ['not_out', 'exited', 'marginal', 'key'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

export const HOUSEHOLD_TYPE_LABELS: Record<HouseholdType, { zh: string; en: string }> = {
  not_out: { zh: '建档立卡未脱贫户', en: 'Registered, not yet out' },
  exited: { zh: '建档立卡已脱贫户', en: 'Registered, exited' },
  marginal: { zh: '边缘户', en: 'Marginal' },
  key: { zh: '重点户', en: 'Key' },
};

/**
 * The type a household is counted under, or null when the big visit does not cover it.
 * Registered households by status; others by tag or by the active rule set's flags (M, or any
 * key category), since the carpet survey is what finds them.
 */
export function householdType(h: {
  povertyStatus: string;
  tags: readonly string[];
  flags: readonly string[];
}): HouseholdType | null {
  if (h.povertyStatus === 'not_out') return 'not_out';
  if (h.povertyStatus === 'exited') return 'exited';
  if (h.tags.includes('marginal') || h.flags.includes('M')) return 'marginal';
  if (h.tags.includes('key') || h.flags.some((f) => f !== 'M' && f !== 'R')) return 'key';
  return null;
}

export interface SummaryInput {
  households: readonly { id: string; povertyStatus: string; tags: readonly string[]; flags: readonly string[] }[];
  visits: readonly { householdId: string; membersConfirmed: number; proposeTags: readonly string[] }[];
  problems: readonly { category: ProblemCategory; solvedOnSite: boolean; level: 'village' | 'township' }[];
  discrepancies: number;
}

export interface VisitSummary {
  byType: Record<HouseholdType, { inScope: number; visited: number }>;
  inScope: number;
  visited: number;
  /** visited ÷ in scope, 0–1 (1 when nothing is in scope) */
  coverage: number;
  membersConfirmed: number;
  problemsByCategory: Partial<Record<ProblemCategory, number>>;
  problems: number;
  solvedOnSite: number;
  escalated: number;
  newMarginal: number;
  newKey: number;
  discrepancies: number;
}

export function summarizeVisits(input: SummaryInput): VisitSummary {
  const byType = Object.fromEntries(HOUSEHOLD_TYPES.map((t) => [t, { inScope: 0, visited: 0 }])) as VisitSummary['byType'];
  const visitedIds = new Set(input.visits.map((v) => v.householdId));
  let inScope = 0;
  let visited = 0;
  const typeOf = new Map<string, HouseholdType | null>();
  for (const h of input.households) {
    const type = householdType(h);
    typeOf.set(h.id, type);
    if (!type) continue;
    byType[type].inScope++;
    inScope++;
    if (visitedIds.has(h.id)) {
      byType[type].visited++;
      visited++;
    }
  }
  // Members are confirmed once per household: the latest visit's count stands.
  const confirmed = new Map<string, number>();
  const proposals = new Map<string, Set<string>>();
  for (const v of input.visits) {
    confirmed.set(v.householdId, v.membersConfirmed);
    for (const tag of v.proposeTags) proposals.set(v.householdId, (proposals.get(v.householdId) ?? new Set()).add(tag));
  }
  let newMarginal = 0;
  let newKey = 0;
  const tagsOf = new Map(input.households.map((h) => [h.id, h.tags]));
  for (const [id, tags] of proposals) {
    const had = tagsOf.get(id) ?? [];
    if (tags.has('marginal') && !had.includes('marginal')) newMarginal++;
    if (tags.has('key') && !had.includes('key')) newKey++;
  }
  const problemsByCategory: Partial<Record<ProblemCategory, number>> = {};
  for (const p of input.problems) problemsByCategory[p.category] = (problemsByCategory[p.category] ?? 0) + 1;
  return {
    byType,
    inScope,
    visited,
    coverage: inScope === 0 ? 1 : visited / inScope,
    membersConfirmed: [...confirmed.values()].reduce((a, b) => a + b, 0),
    problemsByCategory,
    problems: input.problems.length,
    solvedOnSite: input.problems.filter((p) => p.solvedOnSite).length,
    escalated: input.problems.filter((p) => p.level === 'township').length,
    newMarginal,
    newKey,
    discrepancies: input.discrepancies,
  };
}
