/**
 * Rule versions as the API answers them, and the pure helpers the pages share: the order of the
 * version list, the colours of statuses and kinds, the order of a household's flags, a copy of a
 * definition for another year.
 */
import type { RuleKind, RuleSetDefinition } from '@fupin/domain';

export type RuleSetStatus = 'draft' | 'activating' | 'active' | 'retired';

export interface RuleSetVersion {
  id: string;
  townshipId: string;
  year: number;
  version: number;
  status: RuleSetStatus;
  definition: RuleSetDefinition;
  note: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  activatedAt: string | null;
}

export interface Job {
  id: string;
  kind: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  detail: { ruleSetId?: string; households?: number; flags?: number; byRule?: Record<string, number> } | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface ImpactHousehold {
  id: string;
  headName: string;
  householdNumber: string | null;
}

export interface RuleImpact {
  ruleId: string;
  name: { zh: string; en: string };
  before: number;
  after: number;
  gainedTotal: number;
  lostTotal: number;
  gained: ImpactHousehold[];
  lost: ImpactHousehold[];
}

export interface Preview {
  households: number;
  rules: RuleImpact[];
}

export const STATUS_COLORS: Record<RuleSetStatus, string> = {
  draft: 'blue',
  activating: 'processing',
  active: 'green',
  retired: 'default',
};

/** Key categories blue, marginal orange (as the 边缘户 tag), return-to-poverty risk red. */
export const KIND_COLORS: Record<RuleKind, string> = { key: 'geekblue', marginal: 'orange', return_risk: 'volcano' };

export function kindOf(kind: string): RuleKind {
  return kind === 'marginal' || kind === 'return_risk' ? kind : 'key';
}

/** The versions with the active one first (then activating, drafts, retired), each group newest first as the server sends them. */
export function orderVersions(items: readonly RuleSetVersion[]): RuleSetVersion[] {
  const rank: Record<RuleSetStatus, number> = { active: 0, activating: 1, draft: 2, retired: 3 };
  return items
    .map((v, i) => ({ v, i }))
    .sort((a, b) => rank[a.v.status] - rank[b.v.status] || a.i - b.i)
    .map(({ v }) => v);
}

/** Compares rule ids the way people read them: K2 before K10. */
export function compareRuleIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

/**
 * A household's flag ids in the rule set's order (key categories, then M, then R) when the
 * order is known, else K1, K2 … K10 and then the rest.
 */
export function sortFlagIds(ids: readonly string[], order?: readonly string[]): string[] {
  const pos = (id: string) => {
    const i = order?.indexOf(id) ?? -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  const group = (id: string) => (/^K\d+$/.test(id) ? 0 : 1);
  return [...ids].sort((a, b) => pos(a) - pos(b) || group(a) - group(b) || compareRuleIds(a, b));
}

/** The same date in another year (29 February becomes 28 February). */
export function sameDayIn(date: string, year: number): string {
  const month = date.slice(5, 7);
  let day = date.slice(8, 10);
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (month === '02' && day === '29' && !leap) day = '28';
  return `${String(year).padStart(4, '0')}-${month}-${day}`;
}

/** A deep copy of a definition for a year: the reference date moves to the same day of that year. */
export function copyForYear(definition: RuleSetDefinition, year: number): RuleSetDefinition {
  const copy = structuredClone(definition);
  if (copy.year === year) return copy;
  return { ...copy, year, referenceDate: sameDayIn(copy.referenceDate, year) };
}

/** The years a new draft from a version may take: its own and the next. */
export function draftYears(year: number): number[] {
  return [year, year + 1];
}
