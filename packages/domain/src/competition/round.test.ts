import { describe, expect, it } from 'vitest';
import { hasMessage } from '../i18n/messages';
import {
  ROUND_ACTIONS,
  ROUND_REFUSAL_KEYS,
  ROUND_STATUS_KEYS,
  ROUND_STATUS_LABELS,
  ROUND_STATUSES,
  type RoundAction,
  type RoundStatus,
  type RoundTransitionRequest,
  roundMonth,
  roundTransition,
  scoresEditable,
} from './round';

/** A request that passes every check but the state. */
function request(action: RoundAction, status: RoundStatus, patch: Partial<RoundTransitionRequest> = {}): RoundTransitionRequest {
  return { action, status, allScoresIn: true, finalisable: true, note: '更正第2户评分', ...patch };
}

/** Every (status × action) pair: the target status, or null when the state refuses the action. */
const MACHINE: Record<RoundStatus, Record<RoundAction, RoundStatus | null>> = {
  scoring: { close: 'closed', reopen: null, publish: null, withdraw: null, finalise: null },
  closed: { close: null, reopen: 'scoring', publish: 'published', withdraw: null, finalise: null },
  published: { close: null, reopen: null, publish: null, withdraw: 'scoring', finalise: 'final' },
  final: { close: null, reopen: null, publish: null, withdraw: null, finalise: null },
};

const PAIRS = ROUND_STATUSES.flatMap((status) =>
  ROUND_ACTIONS.map((action) => [status, action, MACHINE[status][action]] as const),
);

describe('roundTransition', () => {
  it.each(PAIRS)('%s + %s → %s', (status, action, to) => {
    expect(roundTransition(request(action, status))).toEqual(to ? { ok: true, to } : { ok: false, reason: 'wrong_state' });
  });

  it.each<[string, RoundTransitionRequest, string]>([
    ['closing with scores missing', request('close', 'scoring', { allScoresIn: false }), 'scores_missing'],
    ['reopening without a reason', request('reopen', 'closed', { note: null }), 'needs_note'],
    ['reopening with a blank reason', request('reopen', 'closed', { note: '  ' }), 'needs_note'],
    ['withdrawing without a reason', request('withdraw', 'published', { note: '' }), 'needs_note'],
    ['finalising too early', request('finalise', 'published', { finalisable: false }), 'not_finalisable'],
    ['finalising a final round, too early', request('finalise', 'final', { finalisable: false }), 'wrong_state'],
  ])('refuses %s', (_what, r, reason) => {
    expect(roundTransition(r)).toEqual({ ok: false, reason });
  });

  it.each<[string, RoundTransitionRequest]>([
    ['publishing needs no reason', request('publish', 'closed', { note: null })],
    ['closing needs no reason', request('close', 'scoring', { note: null })],
    ['finalising needs no reason', request('finalise', 'published', { note: null })],
    ['other actions ignore missing scores', request('publish', 'closed', { allScoresIn: false })],
  ])('%s', (_what, r) => {
    expect(roundTransition(r).ok).toBe(true);
  });

  it('a final round is final', () => {
    for (const action of ROUND_ACTIONS) expect(roundTransition(request(action, 'final')).ok).toBe(false);
  });
});

describe('scoresEditable', () => {
  it.each<[RoundStatus, boolean]>([
    ['scoring', true],
    ['closed', false],
    ['published', false],
    ['final', false],
  ])('%s → %s', (status, editable) => {
    expect(scoresEditable(status)).toBe(editable);
  });
});

describe('roundMonth', () => {
  it.each<[unknown, boolean]>([
    ['2020-03', true],
    ['2020-12', true],
    ['2020-01', true],
    ['2020-13', false],
    ['2020-00', false],
    ['2020-3', false],
    ['2020-03-01', false],
    ['202003', false],
    [202003, false],
  ])('%j → %s', (month, ok) => {
    expect(roundMonth.safeParse(month).success).toBe(ok);
  });
});

describe('labels and keys', () => {
  it('labels every status in both languages', () => {
    expect(Object.keys(ROUND_STATUS_LABELS)).toEqual([...ROUND_STATUSES]);
    for (const label of Object.values(ROUND_STATUS_LABELS)) {
      expect(label.zh).toMatch(/\p{Script=Han}/u);
      expect(label.en).toMatch(/^[^\p{Script=Han}]+$/u);
    }
  });

  it('every refusal and status has a catalogue key', () => {
    for (const key of [...Object.values(ROUND_REFUSAL_KEYS), ...Object.values(ROUND_STATUS_KEYS)])
      expect(hasMessage(key)).toBe(true);
  });
});
