/**
 * The answers of a checklist as the inspector gives them, and the `results` the API takes
 * (pure: tested without a browser). A sector sweep's failed item may name several places: a
 * village and a household each, every one its own result (and its own problem in the ledger).
 */
import type { ChecklistItem } from '@fupin/domain';

export interface Place {
  villageId: string | null;
  householdId: string | null;
}

export interface Answer {
  ok: boolean | null;
  note: string;
  places: Place[];
}

export type Answers = Record<string, Answer>;

export interface Result {
  code: string;
  ok: boolean;
  note: string | null;
  householdId: string | null;
  villageId: string | null;
}

export const EMPTY_ANSWER: Answer = { ok: null, note: '', places: [] };

export function answerOf(answers: Answers, code: string): Answer {
  return answers[code] ?? EMPTY_ANSWER;
}

/** How many items are answered and how many failed, and which are still open. */
export function tally(items: readonly ChecklistItem[], answers: Answers) {
  const open = items.filter((i) => answerOf(answers, i.code).ok === null).map((i) => i.code);
  return {
    total: items.length,
    done: items.length - open.length,
    failed: items.filter((i) => answerOf(answers, i.code).ok === false).length,
    open,
  };
}

/** The results to send: every answered item; a failed one once per place it names (at least once). */
export function toResults(items: readonly ChecklistItem[], answers: Answers): Result[] {
  const out: Result[] = [];
  for (const item of items) {
    const a = answerOf(answers, item.code);
    if (a.ok === null) continue;
    const note = a.note.trim() || null;
    const places = a.ok ? [] : a.places.filter((p) => p.villageId || p.householdId);
    if (places.length === 0) {
      out.push({ code: item.code, ok: a.ok, note, householdId: null, villageId: null });
      continue;
    }
    const seen = new Set<string>();
    for (const p of places) {
      const key = `${p.villageId ?? ''}|${p.householdId ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ code: item.code, ok: false, note, householdId: p.householdId, villageId: p.villageId });
    }
  }
  return out;
}
