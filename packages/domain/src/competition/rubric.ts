/**
 * The competition's rubric as data (DOMAIN.md §6): three parts, 看户 households (附件7), 看组
 * groups (附件8) and 看村 village (附件9), each with a maximum and items worth points. The
 * attachments are not in the seed, so items and points are the township's settings; the rubric is
 * refused unless the three maxima add to 100 and each part's items add to its maximum, so a
 * perfect village scores exactly 100. Points have at most two decimals and are summed in hundredths.
 */
import { z } from 'zod';
import type { FieldError } from '../errors';
import { I18N_PREFIX, issueToFieldErrors } from '../i18n/issues';
import { hasAtMostTwoDecimals, toHundredths } from './decimal';

interface Label {
  zh: string;
  en: string;
}

function vocabulary<const K extends string>(entries: Record<K, Label>) {
  return { codes: Object.keys(entries) as K[], labels: entries };
}

export const COMPETITION_PARTS = ['households', 'groups', 'village'] as const;
export type CompetitionPart = (typeof COMPETITION_PARTS)[number];

/** The part's name as the seed writes it, and the attachment its form is. */
export const PART_LABELS: Record<CompetitionPart, Label & { form: string }> = {
  households: { zh: '看户', en: 'Households', form: '附件7' },
  groups: { zh: '看组', en: 'Groups', form: '附件8' },
  village: { zh: '看村', en: 'Village', form: '附件9' },
};

/** The whole competition is out of 100 (“总分100分”). */
export const COMPETITION_TOTAL = 100;

/**
 * Township offices that lead a part or own an item. The seed names 扶贫工作站 (看户), 整治办 (看组)
 * and 项目办, 整治办, 党建办, 民政所 “等” (看村); 农业农村办 is added for grain production, which
 * none of the four owns. The township can extend the list (validateRubric takes the codes).
 */
export const LEAD_OFFICES = vocabulary({
  poverty_station: { zh: '镇扶贫工作站', en: 'Poverty-alleviation station' },
  rectification_office: { zh: '镇整治办', en: 'Living-environment office' },
  projects_office: { zh: '镇项目办', en: 'Projects office' },
  party_building_office: { zh: '镇党建办', en: 'Party-building office' },
  civil_affairs_office: { zh: '镇民政所', en: 'Civil-affairs office' },
  agriculture_office: { zh: '镇农业农村办', en: 'Agriculture office' },
});
export type LeadOffice = (typeof LEAD_OFFICES.codes)[number];

const i18n = (key: string) => ({ error: `${I18N_PREFIX}${key}` });

/** Points of an item or a part: positive, at most 100, at most two decimals. */
const points = z.number().positive().max(COMPETITION_TOTAL).refine(hasAtMostTwoDecimals, i18n('competition.two_decimals'));

/** An item's code: what a judge's score sheet is keyed by, stable across the rubric's versions. */
export const rubricItemCode = z.string().regex(/^[a-z][a-z0-9_]{0,29}$/, i18n('competition.item_code'));

function officeCode(offices: readonly string[]) {
  return z.string().refine((code) => offices.includes(code), i18n('competition.unknown_office'));
}

function itemSchema(offices: readonly string[]) {
  return z.object({
    code: rubricItemCode,
    /** the item as the township writes it (Chinese, like the checklists) */
    name: z.string().trim().min(2).max(60),
    /** an English name for the English UI; the Chinese one is shown without it */
    nameEn: z.string().trim().min(1).max(120).nullable().default(null),
    /** how the judge scores it: what earns the points and what loses them */
    criteria: z.string().trim().max(500).default(''),
    points,
    /** the office that scores the item; null for the part's own lead office (看村 items need their own) */
    office: officeCode(offices).nullable().default(null),
  });
}

function partSchema(offices: readonly string[]) {
  return z.object({
    max: points,
    /** the part's lead office (牵头部门) */
    office: officeCode(offices),
    items: z.array(itemSchema(offices)).min(1).max(40),
  });
}

/** Every problem of a rubric's sums and codes, for a rubric that has the right shape. */
export function checkRubric(rubric: Rubric): FieldError[] {
  const problems: FieldError[] = [];
  // Zod runs this even when a point failed its two-decimal check: a sum over such a point would
  // be noise beside that problem, so it is left out until the points are fixed.
  const sum = (values: number[]) => (values.every(hasAtMostTwoDecimals) ? values.reduce((a, v) => a + toHundredths(v), 0) : null);
  const partsTotal = sum(COMPETITION_PARTS.map((part) => rubric[part].max));
  if (partsTotal !== null && partsTotal !== COMPETITION_TOTAL * 100) problems.push({ path: '', key: 'competition.parts_total' });
  const seen = new Set<string>();
  for (const part of COMPETITION_PARTS) {
    const { max, items } = rubric[part];
    const itemsTotal = sum(items.map((item) => item.points));
    const partMax = sum([max]);
    if (itemsTotal !== null && partMax !== null && itemsTotal !== partMax)
      problems.push({ path: `${part}.items`, key: 'competition.items_total' });
    items.forEach((item, i) => {
      if (seen.has(item.code)) problems.push({ path: `${part}.items.${i}.code`, key: 'competition.item_code_twice' });
      seen.add(item.code);
      // The seed gives each 看村 subject to its own office (“牵头部门分别为…”).
      if (part === 'village' && item.office === null)
        problems.push({ path: `${part}.items.${i}.office`, key: 'competition.office_required' });
    });
  }
  return problems;
}

/** A dotted path back to zod's segments (numbers for list positions). */
const segment = (s: string): string | number => (/^\d+$/.test(s) ? Number(s) : s);

/**
 * The schema of a rubric whose offices are among the given codes; it refuses wrong sums too, so
 * the server's validator alone keeps a bad rubric out.
 */
export function rubricSchemaFor(offices: readonly string[] = LEAD_OFFICES.codes) {
  const part = partSchema(offices);
  return z.strictObject({ households: part, groups: part, village: part }).superRefine((rubric, ctx) => {
    for (const p of checkRubric(rubric))
      ctx.addIssue({ code: 'custom', path: p.path ? p.path.split('.').map(segment) : [], message: `${I18N_PREFIX}${p.key}` });
  });
}

export const rubricSchema = rubricSchemaFor();
export type Rubric = z.infer<typeof rubricSchema>;
export type RubricInput = z.input<typeof rubricSchema>;
export type RubricPart = Rubric[CompetitionPart];
export type RubricItem = RubricPart['items'][number];

/** A rubric, or every problem with it (paths like `village.items.2.points`, catalogue keys). */
export function validateRubric(
  input: unknown,
  offices: readonly string[] = LEAD_OFFICES.codes,
): { ok: true; value: Rubric } | { ok: false; problems: FieldError[] } {
  const parsed = rubricSchemaFor(offices).safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, problems: parsed.error.issues.flatMap((issue) => issueToFieldErrors(issue)) };
}

/** The office that scores an item: its own, or its part's lead office. */
export function itemOffice(rubric: Rubric, part: CompetitionPart, item: RubricItem): string {
  return item.office ?? rubric[part].office;
}

/** The running sums an editor shows beside the rubric: each part's items against its maximum, and the parts against 100. */
export function rubricTotals(rubric: RubricInput): {
  parts: Record<CompetitionPart, { max: number; items: number }>;
  total: number;
} {
  // Summed in hundredths so 33.3 + 33.3 + 33.4 shows 100, not 99.99999999999999.
  const sum = (values: number[]) => values.reduce((a, v) => a + Math.round(v * 100), 0) / 100;
  const parts = Object.fromEntries(
    COMPETITION_PARTS.map((p) => [p, { max: rubric[p].max, items: sum(rubric[p].items.map((i) => i.points)) }]),
  ) as Record<CompetitionPart, { max: number; items: number }>;
  return { parts, total: sum(COMPETITION_PARTS.map((p) => rubric[p].max)) };
}
