/**
 * The campaign calendar (DOMAIN.md §4–§5): phases with start and end dates, per year. The 2020
 * plan's dates are the defaults; the township edits them. Dates are calendar days in Shanghai;
 * a phase's end day is still on time.
 */
import { addDays, type IsoDate, isPastDeadline, shanghaiDate } from './dates';

export const PHASE_CODES = [
  'visit',
  'visit_summary',
  'self_inspection',
  'village_rectification',
  'sector_inspection',
  'analysis_meeting',
  'county_crosscheck',
  'town_crosscheck',
  'rectification_sprint',
] as const;
export type PhaseCode = (typeof PHASE_CODES)[number];

export interface Phase {
  code: PhaseCode;
  start: IsoDate;
  end: IsoDate;
}

export const PHASE_LABELS: Record<PhaseCode, { zh: string; en: string }> = {
  visit: { zh: '大走访：入户走访', en: 'Household visits' },
  visit_summary: { zh: '走访汇总上报（附件3）', en: 'Village visit summary (form 3)' },
  self_inspection: { zh: '村级自查（附件4、5）', en: 'Village self-inspection (forms 4, 5)' },
  village_rectification: { zh: '村级整改销号', en: 'Village fixes and closes' },
  sector_inspection: { zh: '镇级行业排查（附件4、6）', en: 'Township sector inspection (forms 4, 6)' },
  analysis_meeting: { zh: '问题分析研判会', en: 'Analysis meeting' },
  county_crosscheck: { zh: '县级交叉复核', en: 'County cross-check' },
  town_crosscheck: { zh: '片长交叉检查', en: 'Area leaders’ cross-check' },
  rectification_sprint: { zh: '集中整改（15天）', en: 'Rectification sprint (15 days)' },
};

/** The 2020 plan's calendar, moved to a year. */
export function defaultPhases(year: number): Phase[] {
  const d = (md: string) => `${year}-${md}`;
  return [
    { code: 'visit', start: d('03-10'), end: d('03-13') },
    { code: 'visit_summary', start: d('03-10'), end: d('03-16') },
    { code: 'self_inspection', start: d('03-10'), end: d('03-13') },
    { code: 'village_rectification', start: d('03-10'), end: d('03-16') },
    { code: 'sector_inspection', start: d('03-10'), end: d('03-16') },
    { code: 'analysis_meeting', start: d('03-18'), end: d('03-18') },
    { code: 'county_crosscheck', start: d('03-18'), end: d('03-20') },
    { code: 'town_crosscheck', start: d('03-20'), end: d('03-25') },
    { code: 'rectification_sprint', start: d('03-26'), end: addDays(d('03-26'), 14) },
  ];
}

/** Problems with a calendar: a phase missing, twice, or ending before it starts. */
export function checkPhases(phases: readonly Phase[]): { path: string; key: string }[] {
  const problems: { path: string; key: string }[] = [];
  const seen = new Set<string>();
  phases.forEach((p, i) => {
    if (seen.has(p.code)) problems.push({ path: `phases.${i}.code`, key: 'campaign.phase_twice' });
    seen.add(p.code);
    if (p.end < p.start) problems.push({ path: `phases.${i}.end`, key: 'campaign.end_before_start' });
  });
  for (const code of PHASE_CODES) if (!seen.has(code)) problems.push({ path: 'phases', key: 'campaign.phase_missing' });
  return problems;
}

/** The phase of a code. */
export function phaseOf(phases: readonly Phase[], code: PhaseCode): Phase {
  const phase = phases.find((p) => p.code === code);
  if (!phase) throw new Error(`no phase ${code}`);
  return phase;
}

/**
 * The state of a piece of work due in a phase:
 * upcoming (the phase has not begun), due (open, not done), done (on time), late (done after the
 * end day), missing (the end day passed and it is not done).
 */
export type TaskState = 'upcoming' | 'due' | 'done' | 'late' | 'missing';

export function taskState(phase: Phase, doneAt: Date | null, now: Date): TaskState {
  if (doneAt) return isPastDeadline(phase.end, doneAt) ? 'late' : 'done';
  if (isPastDeadline(phase.end, now)) return 'missing';
  return shanghaiDate(now) < phase.start ? 'upcoming' : 'due';
}

/** The default calendar moved so the big visit starts on a given day (for a demo or a late start). */
export function phasesStartingOn(start: IsoDate): Phase[] {
  const year = Number(start.slice(0, 4));
  const shift = Math.round((Date.parse(`${start}T00:00:00Z`) - Date.parse(`${year}-03-10T00:00:00Z`)) / 86_400_000);
  return defaultPhases(year).map((p) => ({ ...p, start: addDays(p.start, shift), end: addDays(p.end, shift) }));
}
