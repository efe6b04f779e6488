/**
 * The life of a problem (DOMAIN.md §5): open → in rectification → submitted with evidence →
 * verified and closed (销号), or sent back; a cross-check can reopen a closed problem. Nothing
 * closes without evidence and a verifier who is not the person who submitted the fix
 * ("问题不查清不放过、整改不到位不翻过、成效不达标不放过").
 */

export const PROBLEM_STATUSES = ['open', 'in_rectification', 'submitted', 'closed', 'reopened'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, { zh: string; en: string }> = {
  open: { zh: '待整改', en: 'Open' },
  in_rectification: { zh: '整改中', en: 'In rectification' },
  submitted: { zh: '待核实', en: 'Submitted' },
  closed: { zh: '已销号', en: 'Closed' },
  reopened: { zh: '复核重开', en: 'Reopened' },
};

export const PROBLEM_ACTIONS = ['start', 'submit', 'verify', 'send_back', 'reopen'] as const;
export type ProblemAction = (typeof PROBLEM_ACTIONS)[number];

/** The permission each action needs (on the problem's unit). */
export const ACTION_PERMISSION: Record<ProblemAction, 'problem.rectify' | 'problem.verify' | 'inspection.crosscheck'> = {
  start: 'problem.rectify',
  submit: 'problem.rectify',
  verify: 'problem.verify',
  send_back: 'problem.verify',
  reopen: 'inspection.crosscheck',
};

const MOVES: Record<ProblemAction, { from: readonly ProblemStatus[]; to: ProblemStatus }> = {
  start: { from: ['open', 'reopened'], to: 'in_rectification' },
  submit: { from: ['open', 'in_rectification', 'reopened'], to: 'submitted' },
  verify: { from: ['submitted'], to: 'closed' },
  send_back: { from: ['submitted'], to: 'in_rectification' },
  reopen: { from: ['closed'], to: 'reopened' },
};

export type TransitionRefusal = 'wrong_state' | 'no_permission' | 'needs_evidence' | 'needs_note' | 'same_person';

export interface TransitionRequest {
  action: ProblemAction;
  status: ProblemStatus;
  /** permissions the actor holds on the problem's unit */
  permissions: ReadonlySet<string>;
  actorId: string;
  /** who submitted the fix being judged (for verify and send back) */
  submittedBy: string | null;
  evidenceCount: number;
  note: string | null;
}

/** Where an action leads, or why it is refused. */
export function transition(r: TransitionRequest): { ok: true; to: ProblemStatus } | { ok: false; reason: TransitionRefusal } {
  const move = MOVES[r.action];
  if (!r.permissions.has(ACTION_PERMISSION[r.action])) return { ok: false, reason: 'no_permission' };
  if (!move.from.includes(r.status)) return { ok: false, reason: 'wrong_state' };
  if (r.action === 'submit' && r.evidenceCount === 0) return { ok: false, reason: 'needs_evidence' };
  if ((r.action === 'send_back' || r.action === 'reopen') && !r.note?.trim()) return { ok: false, reason: 'needs_note' };
  if ((r.action === 'verify' || r.action === 'send_back') && r.submittedBy === r.actorId)
    return { ok: false, reason: 'same_person' };
  return { ok: true, to: move.to };
}

/** Whether a problem is overdue on a day: past its deadline and not closed (submitted fixes wait on the verifier, not the fixer). */
export function isOverdue(p: { status: ProblemStatus; deadline: string | null }, today: string): boolean {
  return p.deadline !== null && p.status !== 'closed' && p.status !== 'submitted' && today > p.deadline;
}

/**
 * A village-level problem still unfixed after its deadline goes up to the township ("对村级一时
 * 解决不了的，由镇级层面统筹解决").
 */
export function shouldEscalate(
  p: { level: 'village' | 'township'; status: ProblemStatus; deadline: string | null },
  today: string,
): boolean {
  return p.level === 'village' && isOverdue(p, today);
}
