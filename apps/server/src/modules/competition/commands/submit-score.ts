/**
 * A judge's score sheet for one subject: a sampled household (看户), a nominated group (看组) or
 * the village (看村). Only the judge assigned to that part of that village, never on their own
 * village, only while the round is being scored, each item within its points. Submitting the
 * same subject again replaces the judge's sheet (audited with before and after); the same id
 * with the same sheet is a retry and changes nothing. Unsolved 两不愁三保障 problems the judge
 * found go to the ledger (source 'competition'), once per household and category in a round.
 */
import {
  addDays,
  type CompetitionPart,
  checkSheet,
  DomainError,
  type FieldError,
  judgeOwnVillages,
  mayJudgeVillage,
  type ProblemCategory,
  ROUND_STATUS_KEYS,
  type SampleRecord,
  type ScoreSheet,
  scoresEditable,
  shanghaiDate,
  term,
} from '@fupin/domain';
import { and, eq, sql } from 'drizzle-orm';
import { competitionAssignments, competitionNominations, competitionSamples, competitionScores } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { uuidv7 } from '../../../lib/ids';
import { currentCampaign } from '../../campaigns/repository';
import { recordProblem } from '../../problems/commands/manage-problem';
import { findVillage, getRound, groupsOfVillages, householdBriefs, ownVillageFacts, rubricOf, userNames } from '../repository';

/** The 两不愁三保障 categories a judge's finding may take. */
export const FINDING_CATEGORIES = ['food_clothing', 'education', 'medical', 'housing', 'water'] as const;

/** Days the village has to fix what the competition found (the rectification sprint's length). */
export const FINDING_DAYS = 15;

export interface ScoreInput {
  id: string;
  roundId: string;
  villageId: string;
  part: CompetitionPart;
  subjectId: string;
  sheet: ScoreSheet;
  note: string | null;
  findings: { category: (typeof FINDING_CATEGORIES)[number]; description: string; householdId: string | null }[];
}

const sameSheet = (a: ScoreSheet, b: ScoreSheet) => {
  const keys = Object.keys(a).sort();
  return keys.join() === Object.keys(b).sort().join() && keys.every((k) => a[k] === b[k]);
};

export async function submitScore(ctx: CommandContext, input: ScoreInput) {
  const { tx, now } = ctx;
  const judgeId = ctx.actor.userId as string;
  const round = await getRound(tx, input.roundId);
  const village = await findVillage(tx, input.villageId);
  if (!village || village.townshipId !== round.townshipId)
    throw new DomainError('NOT_FOUND', { entity: term('entity.competition_round') });
  const t = round.townshipId;
  if (!scoresEditable(round.status))
    throw new DomainError('COMPETITION_WRONG_STATE', { status: term(ROUND_STATUS_KEYS[round.status]) });
  const [assigned] = await tx
    .select()
    .from(competitionAssignments)
    .where(
      and(
        eq(competitionAssignments.townshipId, t),
        eq(competitionAssignments.roundId, round.id),
        eq(competitionAssignments.part, input.part),
        eq(competitionAssignments.villageId, village.id),
        eq(competitionAssignments.judgeId, judgeId),
      ),
    );
  if (!assigned)
    throw new DomainError('COMPETITION_NOT_ASSIGNED', { village: village.name, part: term(`competition.part.${input.part}`) });
  if (!mayJudgeVillage(judgeOwnVillages(await ownVillageFacts(tx, judgeId)), village.id))
    throw new DomainError('COMPETITION_OWN_VILLAGE', { judge: ctx.actor.name, village: village.name });

  // The subject must be one the round expects of this part of this village.
  let subjectName: string | null = null;
  if (input.part === 'households') {
    const [s] = await tx
      .select()
      .from(competitionSamples)
      .where(
        and(
          eq(competitionSamples.townshipId, t),
          eq(competitionSamples.roundId, round.id),
          eq(competitionSamples.villageId, village.id),
        ),
      );
    if (s && (s.record as SampleRecord).sample.includes(input.subjectId))
      subjectName = (await householdBriefs(tx, t, [input.subjectId])).get(input.subjectId)?.headName ?? null;
  } else if (input.part === 'groups') {
    const [n] = await tx
      .select()
      .from(competitionNominations)
      .where(
        and(
          eq(competitionNominations.townshipId, t),
          eq(competitionNominations.roundId, round.id),
          eq(competitionNominations.villageId, village.id),
        ),
      );
    if (n?.groupIds.includes(input.subjectId))
      subjectName = (await groupsOfVillages(tx, [village.id])).find((g) => g.id === input.subjectId)?.name ?? null;
  } else if (input.subjectId === village.id) subjectName = village.name;
  if (subjectName === null)
    throw new DomainError('VALIDATION_FAILED', {}, [
      {
        path: 'subjectId',
        key: 'competition.not_subject',
        params: { subject: input.subjectId, part: term(`competition.part.${input.part}`) },
      },
    ]);

  const problems: FieldError[] = checkSheet(rubricOf(round)[input.part].items, input.sheet, 'sheet');
  const findingHouseholds = input.findings.map((f) => f.householdId ?? (input.part === 'households' ? input.subjectId : null));
  const known = await householdBriefs(
    tx,
    t,
    findingHouseholds.filter((id): id is string => id !== null),
  );
  findingHouseholds.forEach((id, i) => {
    if (id !== null && known.get(id)?.villageId !== village.id)
      problems.push({ path: `findings.${i}.householdId`, key: 'competition.household_not_in_village' });
  });
  if (problems.length) throw new DomainError('VALIDATION_FAILED', {}, problems);

  const [bySubject] = await tx
    .select()
    .from(competitionScores)
    .where(
      and(
        eq(competitionScores.townshipId, t),
        eq(competitionScores.roundId, round.id),
        eq(competitionScores.part, input.part),
        eq(competitionScores.subjectId, input.subjectId),
      ),
    );
  const [byId] = await tx
    .select()
    .from(competitionScores)
    .where(and(eq(competitionScores.townshipId, t), eq(competitionScores.id, input.id)));
  if (byId && byId.id !== bySubject?.id) throw new DomainError('IDEMPOTENCY_CONFLICT');
  let score = bySubject;
  let outcome: 'submitted' | 'replaced' | 'unchanged' = 'unchanged';
  if (bySubject && bySubject.judgeId !== judgeId) {
    const names = await userNames(tx, [bySubject.judgeId]);
    throw new DomainError('COMPETITION_SCORED_BY_OTHER', { subject: subjectName, judge: names.get(bySubject.judgeId) ?? '' });
  }
  if (!bySubject) {
    [score] = await tx
      .insert(competitionScores)
      .values({
        townshipId: t,
        id: input.id,
        roundId: round.id,
        villageId: village.id,
        part: input.part,
        subjectId: input.subjectId,
        judgeId,
        sheet: input.sheet,
        note: input.note,
        submittedAt: now,
      })
      .returning();
    outcome = 'submitted';
    await ctx.audit.record({
      townshipId: t,
      entityType: 'competition_score',
      entityId: input.id,
      action: 'submit',
      unitId: village.id,
      after: { ...score, findings: input.findings },
    });
  } else if (!sameSheet(bySubject.sheet, input.sheet) || bySubject.note !== input.note) {
    [score] = await tx
      .update(competitionScores)
      .set({ sheet: input.sheet, note: input.note, submittedAt: now, version: sql`${competitionScores.version} + 1` })
      .where(and(eq(competitionScores.townshipId, t), eq(competitionScores.id, bySubject.id)))
      .returning();
    outcome = 'replaced';
    await ctx.audit.record({
      townshipId: t,
      entityType: 'competition_score',
      entityId: bySubject.id,
      action: 'replace',
      unitId: village.id,
      before: bySubject,
      after: { ...score, findings: input.findings },
    });
  }

  const recorded: { id: string; category: ProblemCategory }[] = [];
  if (input.findings.length) {
    const campaign = await currentCampaign(tx, t, now);
    for (const [i, f] of input.findings.entries()) {
      const householdId = findingHouseholds[i] ?? null;
      const p = await recordProblem(ctx, {
        id: uuidv7(now),
        source: 'competition',
        category: f.category,
        townshipId: t,
        villageId: village.id,
        householdId,
        siteId: null,
        description: f.description,
        level: 'village',
        deadline: addDays(shanghaiDate(now), FINDING_DAYS),
        responsibleUnitId: village.id,
        responsibleUserId: null,
        campaignId: campaign?.id ?? null,
        originKey: `competition:${round.id}:${householdId ?? village.id}:${f.category}`,
      });
      if (p) recorded.push({ id: p.id, category: p.category as ProblemCategory });
    }
  }
  return { score: score!, outcome, problems: recorded };
}
