/**
 * A judge's sheet as typed on the phone: each item's points or nothing yet. Checked with the
 * domain's own checkSheet (the server runs the same), so a problem is named by its item before the
 * sheet is sent; the running total is summed in hundredths like the server's.
 */
import {
  checkSheet,
  type FieldError,
  fromHundredths,
  hasAtMostTwoDecimals,
  hasMessage,
  type Lang,
  type RubricItem,
  sheetHundredths,
  translate,
} from '@fupin/domain';

export type Draft = Record<string, number | null>;

/** The sheet to start from: the judge's own earlier one, else every item empty. */
export function draftOf(items: readonly RubricItem[], earlier: Record<string, number> | null): Draft {
  return Object.fromEntries(
    items.map((i) => [i.code, earlier && Object.hasOwn(earlier, i.code) ? (earlier[i.code] ?? null) : null]),
  );
}

/** Every item at its full points. */
export function fullDraft(items: readonly RubricItem[]): Draft {
  return Object.fromEntries(items.map((i) => [i.code, i.points]));
}

/** The items given a number, as the server takes them. */
export function sheetOf(draft: Draft): Record<string, number> {
  return Object.fromEntries(Object.entries(draft).filter((e): e is [string, number] => typeof e[1] === 'number'));
}

const usable = (item: RubricItem, v: number | null | undefined): v is number =>
  typeof v === 'number' && hasAtMostTwoDecimals(v) && v >= 0 && v <= item.points;

/** The total of what is typed so far (only scores within their item's range count). */
export function draftTotal(items: readonly RubricItem[], draft: Draft): number {
  const valid = Object.fromEntries(items.filter((i) => usable(i, draft[i.code])).map((i) => [i.code, draft[i.code] as number]));
  return fromHundredths(sheetHundredths(items, valid));
}

/**
 * One step up or down, kept within 0 … the item's points: an empty item steps up from 0, or down
 * from full marks (a judge mostly deducts from a full score).
 */
export function stepped(item: RubricItem, value: number | null, delta: number): number {
  const from = value === null ? (delta > 0 ? 0 : item.points) : Math.max(0, Math.min(item.points, value));
  const next = (Math.round(from * 100) + Math.round(delta * 100)) / 100;
  return Math.max(0, Math.min(item.points, next));
}

/**
 * The message of each item's problem, in the reader's language (「产业发展」的得分应在 0 到 8 分之间);
 * items not scored yet count only when `complete` is asked (on saving).
 */
export function draftProblems(items: readonly RubricItem[], draft: Draft, lang: Lang, complete: boolean): Map<string, string> {
  const problems: FieldError[] = checkSheet(items, sheetOf(draft), 'sheet');
  const out = new Map<string, string>();
  for (const p of problems) {
    if (!complete && p.key === 'competition.score_missing') continue;
    const code = p.path.slice('sheet.'.length);
    if (!out.has(code)) out.set(code, hasMessage(p.key) ? translate(lang, p.key, p.params) : p.key);
  }
  return out;
}
