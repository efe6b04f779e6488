/**
 * Judges' scores and a village's part scores (DOMAIN.md §6). A score sheet gives each item of a
 * part its points, within 0 … the item's points, with at most two decimals. A village's parts:
 * 看户 the mean of its sampled households' sheets (out of the part's maximum, 50 by default),
 * 看组 the mean of its nominated groups' sheets (20), 看村 the sum of its village sheet (30). Each
 * part is rounded half up to two decimals as the published table shows it, and the total is the
 * sum of the rounded parts; everything is computed in integer hundredths, so it is exact.
 */
import type { FieldError } from '../errors';
import { fromHundredths, hasAtMostTwoDecimals, meanHundredths, toHundredths } from './decimal';
import type { Rubric, RubricItem } from './rubric';

/** One judge's points for the items of a part, by item code: one household, one group, or the village. */
export type ScoreSheet = Readonly<Record<string, number>>;

/** The problem with one item's score, or null when it may be saved. */
export function checkScore(item: RubricItem, score: unknown, path: string): FieldError | null {
  if (typeof score !== 'number' || !Number.isFinite(score)) return { path, key: 'issue.type' };
  if (score < 0 || score > item.points)
    return { path, key: 'competition.score_range', params: { item: item.name, max: item.points } };
  if (!hasAtMostTwoDecimals(score)) return { path, key: 'competition.score_decimals', params: { item: item.name } };
  return null;
}

/** Every problem of a sheet: items not scored, codes not in the part, scores out of range (paths `path.code`). */
export function checkSheet(items: readonly RubricItem[], sheet: ScoreSheet, path: string): FieldError[] {
  const problems: FieldError[] = [];
  const codes = new Set(items.map((i) => i.code));
  for (const item of items) {
    const at = `${path}.${item.code}`;
    if (!Object.hasOwn(sheet, item.code))
      problems.push({ path: at, key: 'competition.score_missing', params: { item: item.name } });
    else {
      const problem = checkScore(item, sheet[item.code], at);
      if (problem) problems.push(problem);
    }
  }
  for (const code of Object.keys(sheet))
    if (!codes.has(code)) problems.push({ path: `${path}.${code}`, key: 'competition.unknown_item', params: { code } });
  return problems;
}

/** A checked sheet's total, in hundredths. */
export function sheetHundredths(items: readonly RubricItem[], sheet: ScoreSheet): number {
  return items.reduce((sum, item) => sum + toHundredths(sheet[item.code] ?? 0), 0);
}

/** A village's sheets in a round. */
export interface VillageSheets {
  villageId: string;
  /** one sheet per sampled household */
  households: readonly ScoreSheet[];
  /** one sheet per nominated group */
  groups: readonly ScoreSheet[];
  village: ScoreSheet;
}

/** A village's part scores and total, as published (two decimals). */
export interface VillageScore {
  villageId: string;
  households: number;
  groups: number;
  village: number;
  total: number;
}

/** The village's part scores and total, or every problem that keeps them from being computed. */
export function scoreVillage(
  rubric: Rubric,
  input: VillageSheets,
): { ok: true; score: VillageScore } | { ok: false; problems: FieldError[] } {
  const problems: FieldError[] = [];
  // At the root: the message names the part, and a bare `households` would be labelled as a field.
  if (input.households.length === 0) problems.push({ path: '', key: 'competition.no_households' });
  if (input.groups.length === 0) problems.push({ path: '', key: 'competition.no_groups' });
  input.households.forEach((sheet, i) => {
    problems.push(...checkSheet(rubric.households.items, sheet, `households.${i}`));
  });
  input.groups.forEach((sheet, i) => {
    problems.push(...checkSheet(rubric.groups.items, sheet, `groups.${i}`));
  });
  problems.push(...checkSheet(rubric.village.items, input.village, 'village'));
  if (problems.length) return { ok: false, problems };

  const households = meanHundredths(input.households.map((s) => sheetHundredths(rubric.households.items, s)))!;
  const groups = meanHundredths(input.groups.map((s) => sheetHundredths(rubric.groups.items, s)))!;
  const village = sheetHundredths(rubric.village.items, input.village);
  return {
    ok: true,
    score: {
      villageId: input.villageId,
      households: fromHundredths(households),
      groups: fromHundredths(groups),
      village: fromHundredths(village),
      total: fromHundredths(households + groups + village),
    },
  };
}

/**
 * The villages a judge counts as their own: the village of their home unit, the villages where
 * they hold a role (village staff, a stationed leader's village), and the villages of the
 * households they are paired with (a cadre would be marking their own work).
 */
export function judgeOwnVillages(judge: {
  homeVillageId: string | null;
  roleVillageIds: readonly string[];
  pairedVillageIds: readonly string[];
}): Set<string> {
  const own = new Set([...judge.roleVillageIds, ...judge.pairedVillageIds]);
  if (judge.homeVillageId) own.add(judge.homeVillageId);
  return own;
}

/** A judge never scores their own village (refused with `competition.own_village`). */
export function mayJudgeVillage(ownVillageIds: Iterable<string>, villageId: string): boolean {
  return !new Set(ownVillageIds).has(villageId);
}

/** Groups a village nominates for 看组 (“每个村自报2个小组”). */
export const GROUPS_NOMINATED = 2;

/**
 * Problems with a village's nominations: two distinct groups of the village (all of them when it
 * has fewer than two).
 */
export function checkNominations(groupIds: readonly string[], villageGroupIds: readonly string[]): FieldError[] {
  const problems: FieldError[] = [];
  const wanted = villageGroupIds.length === 0 ? GROUPS_NOMINATED : Math.min(GROUPS_NOMINATED, villageGroupIds.length);
  const ofVillage = new Set(villageGroupIds);
  const seen = new Set<string>();
  groupIds.forEach((id, i) => {
    if (seen.has(id)) problems.push({ path: `groupIds.${i}`, key: 'issue.duplicate' });
    else if (!ofVillage.has(id)) problems.push({ path: `groupIds.${i}`, key: 'GROUP_NOT_IN_VILLAGE' });
    seen.add(id);
  });
  if (groupIds.length !== wanted) problems.push({ path: 'groupIds', key: 'competition.group_count', params: { count: wanted } });
  return problems;
}
