/**
 * What the ID-number field says as the cadre types: nothing while the number is still being
 * typed, the problem once it is complete (or the field is left), and otherwise the sex and the
 * birth date read from it, which the form copies into those fields.
 */
import { type IdNumberFacts, type IdNumberProblem, parseIdNumber } from '@fupin/domain';

export type IdFeedback =
  | { state: 'empty' }
  | { state: 'typing' }
  | { state: 'ok'; facts: IdNumberFacts }
  | { state: 'error'; problem: IdNumberProblem; key: string };

/**
 * `complete` says whether the person is done with the field (left it, or pressed save): only
 * then does a short number count as too short.
 */
export function idNumberFeedback(raw: string | null | undefined, today: string, complete: boolean): IdFeedback {
  const value = (raw ?? '').trim().toUpperCase();
  if (!value) return { state: 'empty' };
  if (!complete && value.length < 18) {
    if (/^\d*$/.test(value)) return { state: 'typing' };
    // A letter or a sign before the last place is wrong however the number ends.
    return { state: 'error', problem: 'characters', key: 'idcard.characters' };
  }
  const parsed = parseIdNumber(value, today);
  if (parsed.ok) return { state: 'ok', facts: parsed.facts };
  return { state: 'error', problem: parsed.problem, key: `idcard.${parsed.problem}` };
}

/** Whether a value is a masked number from the server (3604**********1234). */
export function isMaskedId(value: string | null | undefined): boolean {
  return Boolean(value?.includes('*'));
}
