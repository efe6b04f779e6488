/**
 * The office sets which judge scores which part of which village (the whole list, replacing the
 * last one) while the round is being scored. A judge is refused on their own village: their home
 * unit's village, villages where they hold a role, villages of households paired with them.
 */
import {
  type CompetitionPart,
  DomainError,
  type FieldError,
  judgeOwnVillages,
  mayJudgeVillage,
  ROUND_STATUS_KEYS,
  term,
} from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { competitionAssignments } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getRound, judgesOf, ownVillageFacts, userNames, villagesOf } from '../repository';

export interface Assignment {
  judgeId: string;
  part: CompetitionPart;
  villageId: string;
}

export async function assignJudges(ctx: CommandContext, input: { roundId: string; assignments: Assignment[] }) {
  const { tx } = ctx;
  const round = await getRound(tx, input.roundId);
  if (round.status !== 'scoring')
    throw new DomainError('COMPETITION_WRONG_STATE', { status: term(ROUND_STATUS_KEYS[round.status]) });
  const villages = new Map((await villagesOf(tx, round.townshipId)).map((v) => [v.id, v.name]));
  const judges = await judgesOf(tx, round.townshipId);
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  input.assignments.forEach((a, i) => {
    const key = `${a.judgeId}:${a.part}:${a.villageId}`;
    if (seen.has(key)) problems.push({ path: `assignments.${i}`, key: 'issue.duplicate' });
    seen.add(key);
    if (!villages.has(a.villageId)) problems.push({ path: `assignments.${i}.villageId`, key: 'issue.invalid_option' });
  });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', {}, problems);
  for (const judgeId of new Set(input.assignments.map((a) => a.judgeId))) {
    if (!judges.has(judgeId)) {
      const names = await userNames(tx, [judgeId]);
      throw new DomainError('COMPETITION_NOT_A_JUDGE', { name: names.get(judgeId) ?? judgeId });
    }
    const own = judgeOwnVillages(await ownVillageFacts(tx, judgeId));
    const bad = input.assignments.find((a) => a.judgeId === judgeId && !mayJudgeVillage(own, a.villageId));
    if (bad)
      throw new DomainError('COMPETITION_OWN_VILLAGE', {
        judge: judges.get(judgeId) ?? judgeId,
        village: villages.get(bad.villageId) ?? bad.villageId,
      });
  }
  const where = and(eq(competitionAssignments.townshipId, round.townshipId), eq(competitionAssignments.roundId, round.id));
  const before = await tx.select().from(competitionAssignments).where(where);
  await tx.delete(competitionAssignments).where(where);
  if (input.assignments.length)
    await tx
      .insert(competitionAssignments)
      .values(input.assignments.map((a) => ({ townshipId: round.townshipId, roundId: round.id, ...a })));
  const brief = (list: readonly Assignment[]) =>
    list
      .map((a) => ({ judgeId: a.judgeId, part: a.part, villageId: a.villageId }))
      .sort((x, y) => (x.judgeId + x.part + x.villageId).localeCompare(y.judgeId + y.part + y.villageId));
  await ctx.audit.record({
    townshipId: round.townshipId,
    entityType: 'competition_assignment',
    entityId: round.id,
    action: 'assign',
    unitId: round.townshipId,
    before: brief(before as Assignment[]),
    after: brief(input.assignments),
  });
}
