/**
 * A round's life through the domain's roundTransition: close (every expected sheet in, which
 * locks the scores), reopen (with a reason, before publication), publish (the ranking computed
 * by scoreVillage and rankVillages is stored with the day, Shanghai time, and the publicity
 * period starts), withdraw (with a reason: scoring reopens and a new publication follows) and
 * finalise (the period has ended and every objection of this publication is answered, none upheld).
 */
import {
  DomainError,
  finaliseCheck,
  publicityPeriod,
  ROUND_STATUS_KEYS,
  type RoundAction,
  roundTransition,
  shanghaiDate,
  term,
} from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { competitionRounds } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { assessRound, rankRound } from '../assess';
import { getRound, objectionsOfPublication, type RoundRow, rankingOf, roundRecords, type StoredRanking } from '../repository';

const REFUSALS = {
  wrong_state: 'COMPETITION_WRONG_STATE',
  scores_missing: 'COMPETITION_SCORES_MISSING',
  needs_note: 'COMPETITION_NEEDS_NOTE',
  not_finalisable: 'COMPETITION_NOT_FINALISABLE',
} as const;

/** What the audit log keeps of a round (the rubric is in its creation record). */
const auditView = (r: RoundRow) => ({
  status: r.status,
  publishedOn: r.publishedOn,
  ranking: r.ranking,
  note: r.note,
  closedAt: r.closedAt,
  finalisedAt: r.finalisedAt,
});

export async function transitionRound(ctx: CommandContext, input: { roundId: string; action: RoundAction; note: string | null }) {
  const { tx, now } = ctx;
  const round = await getRound(tx, input.roundId);
  const today = shanghaiDate(now);
  const records = await roundRecords(tx, round);
  const assessment =
    input.action === 'close' || input.action === 'publish' || input.action === 'finalise'
      ? await assessRound(tx, round, records)
      : null;
  let finalise: ReturnType<typeof finaliseCheck> | null = null;
  if (input.action === 'finalise' && round.status === 'published' && round.publishedOn)
    finalise = finaliseCheck(
      publicityPeriod(round.publishedOn, round.publicityDays),
      objectionsOfPublication(round, records.objections),
      today,
    );
  const move = roundTransition({
    action: input.action,
    status: round.status,
    allScoresIn: assessment !== null && assessment.missing.length === 0,
    finalisable: finalise?.ok === true,
    note: input.note,
  });
  if (!move.ok) {
    const code = REFUSALS[move.reason];
    if (move.reason === 'wrong_state') throw new DomainError(code, { status: term(ROUND_STATUS_KEYS[round.status]) });
    if (move.reason === 'scores_missing')
      throw new DomainError(code, { count: assessment?.missing.length ?? 0 }, assessment?.missing ?? []);
    if (move.reason === 'not_finalisable' && finalise && !finalise.ok)
      throw new DomainError(code, { reason: term(finalise.key), ...finalise.params });
    throw new DomainError(code);
  }

  const set: Partial<typeof competitionRounds.$inferInsert> = { status: move.to };
  if (input.action === 'close') set.closedAt = now;
  if (input.action === 'reopen' || input.action === 'withdraw') set.note = input.note;
  if (input.action === 'withdraw') {
    set.publishedOn = null;
    set.ranking = null;
    set.closedAt = null;
  }
  if (input.action === 'publish') {
    const rows = rankRound(round, assessment!);
    if (!rows) throw new Error(`round ${round.id} closed with sheets missing`);
    set.publishedOn = today;
    set.ranking = { publishedAt: now.toISOString(), rows } satisfies StoredRanking;
  }
  if (input.action === 'finalise') {
    // The scores were locked since publication: the ranking must come out the same.
    const again = rankRound(round, assessment!);
    const stored = rankingOf(round)?.rows ?? [];
    const key = (rows: readonly { villageId: string; total: number; rank: number; moneyFen: number }[]) =>
      JSON.stringify(rows.map((r) => [r.villageId, r.total, r.rank, r.moneyFen]));
    if (!again || key(again) !== key(stored))
      throw new Error(`round ${round.id}: the published ranking no longer matches its scores`);
    set.finalisedAt = now;
  }
  const [after] = await tx
    .update(competitionRounds)
    .set({ ...set, version: sql`${competitionRounds.version} + 1` })
    .where(and(eq(competitionRounds.townshipId, round.townshipId), eq(competitionRounds.id, round.id)))
    .returning();
  await ctx.audit.record({
    townshipId: round.townshipId,
    entityType: 'competition_round',
    entityId: round.id,
    action: input.action,
    unitId: round.townshipId,
    before: auditView(round),
    after: { ...auditView(after!), ...(input.note ? { reason: input.note } : {}) },
  });
  return after!;
}
