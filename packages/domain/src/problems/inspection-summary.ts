/**
 * The village inspection summary (附件5): what the village's self-check covered and found, and
 * where its problems stand, as it reports to the township office. Cross-check findings are
 * counted apart, because they count against the village's and the township's totals
 * (DOMAIN.md §5, "problems they find count toward the village's and the township's totals").
 */
import type { ProblemStatus } from './lifecycle';

export interface InspectionSummaryInput {
  sites: { id: string }[];
  /** the village's self-checks: the site and how many items passed and failed */
  selfChecks: { siteId: string | null; items: number; failed: number }[];
  /** every problem of the village in the campaign, from any source but visits */
  problems: { source: string; category: string; status: ProblemStatus; level: 'village' | 'township' }[];
}

export interface InspectionSummary {
  sites: number;
  sitesInspected: number;
  /** sites with no self-check yet */
  sitesMissing: number;
  itemsChecked: number;
  itemsFailed: number;
  /** problems of the self-check */
  problems: number;
  problemsByCategory: Record<string, number>;
  closed: number;
  inRectification: number;
  escalated: number;
  /** problems found by county and town cross-checks, and closed problems they reopened */
  crosscheckFound: number;
  reopened: number;
}

export function summarizeInspections(input: InspectionSummaryInput): InspectionSummary {
  const inspected = new Set(input.selfChecks.map((c) => c.siteId).filter((id): id is string => id !== null));
  const own = input.problems.filter((p) => p.source === 'village_self_check');
  const byCategory: Record<string, number> = {};
  for (const p of own) byCategory[p.category] = (byCategory[p.category] ?? 0) + 1;
  return {
    sites: input.sites.length,
    sitesInspected: input.sites.filter((s) => inspected.has(s.id)).length,
    sitesMissing: input.sites.filter((s) => !inspected.has(s.id)).length,
    itemsChecked: input.selfChecks.reduce((n, c) => n + c.items, 0),
    itemsFailed: input.selfChecks.reduce((n, c) => n + c.failed, 0),
    problems: own.length,
    problemsByCategory: byCategory,
    closed: own.filter((p) => p.status === 'closed').length,
    inRectification: own.filter((p) => p.status !== 'closed').length,
    escalated: own.filter((p) => p.level === 'township').length,
    crosscheckFound: input.problems.filter((p) => p.source === 'county_crosscheck' || p.source === 'town_crosscheck').length,
    reopened: input.problems.filter((p) => p.status === 'reopened').length,
  };
}
