/**
 * Checklists (附件4) on the client: the defaults when the township's list cannot be read, and the
 * same checks the server makes (`checklistBody`), row by row, for the settings editor.
 */
import {
  type ChecklistItem,
  checklistBody,
  DEFAULT_CHECKLISTS,
  type FieldError,
  issueToFieldError,
  SECTORS_INSPECTED,
  SITE_KINDS,
  targetCode,
} from '@fupin/domain';
import type { Checklist } from './api';

export function defaultChecklists(): Checklist[] {
  return [
    ...Object.entries(SITE_KINDS).map(([target, label]) => ({ target, scope: 'site' as const, label })),
    ...Object.entries(SECTORS_INSPECTED).map(([target, label]) => ({ target, scope: 'sector' as const, label })),
  ].map((c) => ({ ...c, items: DEFAULT_CHECKLISTS[c.target] ?? [], custom: false }));
}

/** The items of a site kind or sector, or none. */
export function itemsOf(lists: readonly Checklist[] | undefined, target: string): ChecklistItem[] {
  return lists?.find((c) => c.target === target)?.items ?? DEFAULT_CHECKLISTS[target] ?? [];
}

export interface ChecklistProblems {
  /** per row index: the field and its problem */
  rows: Record<number, Partial<Record<keyof ChecklistItem, FieldError>>>;
  label: FieldError | null;
  /** about the list as a whole (none at all) */
  list: FieldError | null;
  count: number;
}

/** The problems of an edited checklist, as the server would name them. */
export function checkChecklist(input: {
  townshipId: string;
  scope: 'site' | 'sector';
  label: string | null;
  items: ChecklistItem[];
  /** a site kind the township adds needs its name */
  needsLabel: boolean;
}): ChecklistProblems {
  const out: ChecklistProblems = { rows: {}, label: null, list: null, count: 0 };
  const parsed = checklistBody.safeParse({
    townshipId: input.townshipId,
    scope: input.scope,
    label: input.label?.trim() ? input.label : null,
    items: input.items,
  });
  const issues = parsed.success ? [] : parsed.error.issues;
  for (const issue of issues) {
    const e = issueToFieldError({ ...issue, path: issue.path as PropertyKey[] });
    const [head, row, field] = issue.path;
    if (head === 'items' && typeof row === 'number' && typeof field === 'string') {
      const cells = out.rows[row] ?? {};
      cells[field as keyof ChecklistItem] ??= e;
      out.rows[row] = cells;
    } else if (head === 'items') out.list ??= e;
    else if (head === 'label') out.label ??= e;
  }
  if (input.needsLabel && !input.label?.trim()) out.label ??= { path: 'label', key: 'issue.required' };
  out.count = Object.values(out.rows).reduce((n, r) => n + Object.keys(r).length, 0) + (out.label ? 1 : 0) + (out.list ? 1 : 0);
  return out;
}

/** Whether a code may name a new site kind (latin letters, digits, underscores). */
export function validKindCode(code: string): boolean {
  return targetCode.safeParse(code).success && !(code in SECTORS_INSPECTED);
}
