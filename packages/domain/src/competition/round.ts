/**
 * A monthly round's life (the seed: “从3月份起，每月开展一次”): judges score; the office closes the
 * round once every score is in, which locks the scores; the bulletin is published for its
 * publicity period; the ranking is finalised when the period allows it. Before publication the
 * office may reopen a closed round to correct a score; after publication it can only withdraw
 * the bulletin (an upheld objection), which reopens scoring and leads to a new publication.
 * Reopening and withdrawing need a reason, for the audit log.
 */
import { z } from 'zod';

/** A round's month, YYYY-MM: one round per village per month. */
export const roundMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const ROUND_STATUSES = ['scoring', 'closed', 'published', 'final'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ROUND_STATUS_LABELS: Record<RoundStatus, { zh: string; en: string }> = {
  scoring: { zh: '评分中', en: 'Scoring' },
  closed: { zh: '已锁定', en: 'Closed' },
  published: { zh: '公示中', en: 'In publicity' },
  final: { zh: '已确认', en: 'Final' },
};

export const ROUND_ACTIONS = ['close', 'reopen', 'publish', 'withdraw', 'finalise'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

const MOVES: Record<RoundAction, { from: RoundStatus; to: RoundStatus }> = {
  close: { from: 'scoring', to: 'closed' },
  reopen: { from: 'closed', to: 'scoring' },
  publish: { from: 'closed', to: 'published' },
  withdraw: { from: 'published', to: 'scoring' },
  finalise: { from: 'published', to: 'final' },
};

export type RoundRefusal = 'wrong_state' | 'scores_missing' | 'needs_note' | 'not_finalisable';

/** The catalogue key of each refusal; `wrong_state` takes `status: term(ROUND_STATUS_KEYS[status])`. */
export const ROUND_REFUSAL_KEYS: Record<RoundRefusal, string> = {
  wrong_state: 'competition.round_wrong_state',
  scores_missing: 'competition.scores_missing',
  needs_note: 'competition.needs_note',
  not_finalisable: 'competition.not_finalisable',
};

/** The catalogue key of each status (for a translated parameter). */
export const ROUND_STATUS_KEYS: Record<RoundStatus, string> = {
  scoring: 'competition.round_status.scoring',
  closed: 'competition.round_status.closed',
  published: 'competition.round_status.published',
  final: 'competition.round_status.final',
};

export interface RoundTransitionRequest {
  action: RoundAction;
  status: RoundStatus;
  /** every sheet of every village is in and valid (scoreVillage succeeds for each) */
  allScoresIn: boolean;
  /** the publication may be finalised today (finaliseCheck) */
  finalisable: boolean;
  note: string | null;
}

/** Where an action leads a round, or why it is refused. */
export function roundTransition(r: RoundTransitionRequest): { ok: true; to: RoundStatus } | { ok: false; reason: RoundRefusal } {
  const move = MOVES[r.action];
  if (move.from !== r.status) return { ok: false, reason: 'wrong_state' };
  if (r.action === 'close' && !r.allScoresIn) return { ok: false, reason: 'scores_missing' };
  if ((r.action === 'reopen' || r.action === 'withdraw') && !r.note?.trim()) return { ok: false, reason: 'needs_note' };
  if (r.action === 'finalise' && !r.finalisable) return { ok: false, reason: 'not_finalisable' };
  return { ok: true, to: move.to };
}

/** Judges may enter or change scores only while the round is being scored. */
export function scoresEditable(status: RoundStatus): boolean {
  return status === 'scoring';
}
