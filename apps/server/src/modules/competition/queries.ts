/** Reading the competition: rounds and their detail as the reader may see it, the bulletin, a judge's tasks, the year. */
import {
  annualCompetitionScore,
  COMPETITION_PARTS,
  type CompetitionPart,
  fromHundredths,
  publicityPeriod,
  type Rubric,
  type Scope,
  sheetHundredths,
  villageYears,
  yearEndEvaluation,
} from '@fupin/domain';
import { and, asc, desc, eq, inArray, like, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { competitionRounds, competitionYearScores, units } from '../../db/schema/index';
import { seesVillage, type Viewer } from './access';
import { assessRound, presentRankingRow, rankRound } from './assess';
import { photosOfScores } from './photos';
import {
  type ObjectionRow,
  objectionsOfPublication,
  type RoundRow,
  rankingOf,
  roundRecords,
  rubricOf,
  settingsOf,
  userNames,
  villagesOf,
} from './repository';

/** A round as lists show it. */
export function presentRound(r: RoundRow, townshipName: string) {
  return {
    id: r.id,
    townshipId: r.townshipId,
    townshipName,
    month: r.month,
    status: r.status,
    sampleSize: r.sampleSize,
    publicityDays: r.publicityDays,
    publishedOn: r.publishedOn,
    publicity: r.publishedOn ? publicityPeriod(r.publishedOn, r.publicityDays) : null,
    note: r.note,
    createdAt: r.createdAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    finalisedAt: r.finalisedAt?.toISOString() ?? null,
    version: r.version,
  };
}

async function townshipName(db: Db, id: string): Promise<string> {
  const [row] = await db.select({ name: units.name }).from(units).where(eq(units.id, id));
  return row?.name ?? '';
}

/** The rounds of the townships a scope reaches (a village's scope reaches its township's rounds), newest month first. */
export async function listRounds(db: Db, scope: Scope, townshipId: string | undefined) {
  const villageTownships = scope.villages.length
    ? (await db.select({ t: units.townshipId }).from(units).where(inArray(units.id, scope.villages))).map((r) => r.t as string)
    : [];
  const townships = [...new Set([...scope.townships, ...villageTownships])].filter((t) => !townshipId || t === townshipId);
  if (townships.length === 0) return [];
  const rows = await db
    .select({ r: competitionRounds, townshipName: units.name })
    .from(competitionRounds)
    .innerJoin(units, eq(units.id, competitionRounds.townshipId))
    .where(inArray(competitionRounds.townshipId, townships))
    .orderBy(desc(competitionRounds.month), asc(units.name));
  return rows.map(({ r, townshipName: name }) => presentRound(r, name));
}

function presentObjection(o: ObjectionRow, villageNames: Map<string, string>, names: Map<string, string>, current: Set<string>) {
  return {
    id: o.id,
    villageId: o.villageId,
    villageName: o.villageId ? (villageNames.get(o.villageId) ?? null) : null,
    text: o.text,
    raisedAt: o.raisedAt.toISOString(),
    raisedByName: o.raisedBy ? (names.get(o.raisedBy) ?? null) : null,
    status: o.status,
    outcome: o.outcome,
    answer: o.answer,
    answeredAt: o.answeredAt?.toISOString() ?? null,
    answeredByName: o.answeredBy ? (names.get(o.answeredBy) ?? null) : null,
    /** raised against the ranking now published (false: against a withdrawn one) */
    current: current.has(o.id),
  };
}

/** One round as the viewer may see it: its villages' samples, nominations, judges, progress; sheets and preview for the office. */
export async function roundDetail(db: Db, round: RoundRow, viewer: Viewer) {
  const assessment = await assessRound(db, round);
  const { records } = assessment;
  const visible = assessment.villages.filter((v) => seesVillage(viewer, v.villageId, records.assignments));
  const names = await userNames(db, [
    ...records.assignments.map((a) => a.judgeId),
    ...records.samples.map((s) => s.drawnBy),
    ...records.nominations.map((n) => n.nominatedBy),
    ...records.scores.map((s) => s.judgeId),
    ...records.objections.flatMap((o) => [o.raisedBy, o.answeredBy]),
  ]);
  const rubric = rubricOf(round);
  const photos = viewer.manage
    ? await photosOfScores(
        db,
        round.townshipId,
        records.scores.map((s) => s.id),
      )
    : new Map();
  const villageNames = new Map(assessment.villages.map((v) => [v.villageId, v.villageName]));
  const subjectName = (part: CompetitionPart, id: string) =>
    part === 'households'
      ? (assessment.households.get(id)?.headName ?? '')
      : part === 'groups'
        ? (assessment.groupNames.get(id) ?? '')
        : (villageNames.get(id) ?? '');
  const current = new Set(objectionsOfPublication(round, records.objections).map((o) => o.id));
  const ranking = rankingOf(round);
  const preview = viewer.manage && !ranking ? rankRound(round, assessment) : null;
  return {
    round: presentRound(round, await townshipName(db, round.townshipId)),
    rubric,
    prizes: round.prizes as { rewards: number[]; deductions: number[] },
    villages: visible.map((v) => ({
      villageId: v.villageId,
      villageName: v.villageName,
      sample: v.sample
        ? {
            seed: v.sample.seed,
            method: v.sample.method,
            version: v.sample.version,
            size: v.sample.size,
            populationSize: v.sample.population.length,
            drawnAt: v.sample.drawnAt.toISOString(),
            drawnByName: v.sample.drawnBy ? (names.get(v.sample.drawnBy) ?? null) : null,
            households: v.sample.sample.map((id) => {
              const h = assessment.households.get(id);
              return {
                id,
                headName: h?.headName ?? '',
                address: h?.address ?? null,
                groupId: h?.groupId ?? null,
                groupName: h?.groupName ?? null,
                povertyStatus: h?.povertyStatus ?? 'none',
                marginal: h?.tags.includes('marginal') ?? false,
              };
            }),
          }
        : null,
      groups: v.groups,
      nomination: v.nomination
        ? {
            groupIds: v.nomination.groupIds,
            groups: v.nomination.groupIds.map((id) => ({ id, name: assessment.groupNames.get(id) ?? '' })),
            nominatedAt: v.nomination.nominatedAt.toISOString(),
            nominatedByName: v.nomination.nominatedBy ? (names.get(v.nomination.nominatedBy) ?? null) : null,
          }
        : null,
      judges: Object.fromEntries(
        COMPETITION_PARTS.map((p) => [p, v.judges[p].map((id) => ({ id, name: names.get(id) ?? '' }))]),
      ) as Record<CompetitionPart, { id: string; name: string }[]>,
      progress: v.progress,
      complete: v.missing.length === 0,
      score: viewer.manage ? v.score : null,
      sheets: viewer.manage
        ? COMPETITION_PARTS.flatMap((p) =>
            v.sheets[p].map((s) => ({
              id: s.id,
              part: p,
              subjectId: s.subjectId,
              subjectName: subjectName(p, s.subjectId),
              judgeId: s.judgeId,
              judgeName: names.get(s.judgeId) ?? '',
              total: fromHundredths(sheetHundredths(rubric[p].items, s.sheet)),
              sheet: s.sheet,
              note: s.note,
              photos: photos.get(s.id) ?? [],
              submittedAt: s.submittedAt.toISOString(),
              version: s.version,
            })),
          )
        : [],
    })),
    ranking: ranking ? ranking.rows.map(presentRankingRow) : null,
    preview: preview ? preview.map(presentRankingRow) : null,
    objections: records.objections
      .filter((o) => viewer.full || (o.villageId !== null && viewer.villages.has(o.villageId)))
      .map((o) => presentObjection(o, villageNames, names, current)),
    viewer: {
      canManage: viewer.manage,
      fullView: viewer.full,
      judge: viewer.judge,
      nominateVillageIds: [...viewer.nominate].filter((id) => villageNames.has(id)),
    },
  };
}

const monthLabel = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`;

/** The bulletin (通报) of a published or final round: the ranking, the period, the objections the reader sees. */
export async function bulletin(db: Db, round: RoundRow, viewer: Viewer) {
  const ranking = rankingOf(round);
  const records = await roundRecords(db, round);
  const name = await townshipName(db, round.townshipId);
  const villageNames = new Map((await villagesOf(db, round.townshipId)).map((v) => [v.id, v.name]));
  const objections = objectionsOfPublication(round, records.objections).filter(
    (o) => viewer.full || (o.villageId !== null && viewer.villages.has(o.villageId)),
  );
  const names = await userNames(
    db,
    objections.flatMap((o) => [o.raisedBy, o.answeredBy]),
  );
  const rows = (ranking?.rows ?? []).map(presentRankingRow);
  const rubric = rubricOf(round);
  return {
    roundId: round.id,
    townshipId: round.townshipId,
    townshipName: name,
    month: round.month,
    title: `${name}${monthLabel(round.month)}脱贫攻坚“大比武”排名通报`,
    status: round.status,
    publishedOn: round.publishedOn,
    publicity: round.publishedOn ? publicityPeriod(round.publishedOn, round.publicityDays) : null,
    maxima: { households: rubric.households.max, groups: rubric.groups.max, village: rubric.village.max },
    rows,
    totals: {
      rewardsFen: rows.filter((r) => r.moneyFen > 0).reduce((a, r) => a + r.moneyFen, 0),
      deductionsFen: rows.filter((r) => r.moneyFen < 0).reduce((a, r) => a + r.moneyFen, 0),
    },
    objections: objections.map((o) => presentObjection(o, villageNames, names, new Set(objections.map((x) => x.id)))),
  };
}

/** A judge's work in the rounds being scored: each assigned part of each village with its subjects, items and sheets. */
export async function myTasks(db: Db, judgeId: string, townships: readonly string[]) {
  if (townships.length === 0) return [];
  const rounds = await db
    .select({ r: competitionRounds, townshipName: units.name })
    .from(competitionRounds)
    .innerJoin(units, eq(units.id, competitionRounds.townshipId))
    .where(
      and(
        inArray(competitionRounds.townshipId, [...townships]),
        eq(competitionRounds.status, 'scoring'),
        sql`exists (select 1 from competition_assignments a where a.township_id = ${competitionRounds.townshipId}
                    and a.round_id = ${competitionRounds.id} and a.judge_id = ${judgeId})`,
      ),
    )
    .orderBy(desc(competitionRounds.month));
  const tasks = [];
  for (const { r: round, townshipName: tName } of rounds) {
    const assessment = await assessRound(db, round);
    const mine = assessment.records.assignments.filter((a) => a.judgeId === judgeId);
    const rubric: Rubric = rubricOf(round);
    const names = await userNames(
      db,
      assessment.records.scores.map((s) => s.judgeId),
    );
    const photos = await photosOfScores(
      db,
      round.townshipId,
      assessment.records.scores.map((s) => s.id),
    );
    for (const v of assessment.villages)
      for (const part of COMPETITION_PARTS) {
        if (!mine.some((a) => a.villageId === v.villageId && a.part === part)) continue;
        const subjects =
          part === 'households'
            ? (v.sample?.sample ?? []).map((id) => {
                const h = assessment.households.get(id);
                return { subjectId: id, name: h?.headName ?? '', detail: [h?.groupName, h?.address].filter(Boolean).join(' ') };
              })
            : part === 'groups'
              ? (v.nomination?.groupIds ?? []).map((id) => ({
                  subjectId: id,
                  name: assessment.groupNames.get(id) ?? '',
                  detail: '',
                }))
              : [{ subjectId: v.villageId, name: v.villageName, detail: '' }];
        tasks.push({
          roundId: round.id,
          townshipId: round.townshipId,
          townshipName: tName,
          month: round.month,
          villageId: v.villageId,
          villageName: v.villageName,
          part,
          max: rubric[part].max,
          office: rubric[part].office,
          items: rubric[part].items,
          /** false while the village has not nominated its groups (看组 has nothing to score yet) */
          ready: part !== 'groups' || v.nomination !== null,
          subjects: subjects.map((s) => {
            const sheet = assessment.records.scores.find(
              (x) => x.villageId === v.villageId && x.part === part && x.subjectId === s.subjectId,
            );
            return {
              ...s,
              sheet: sheet
                ? {
                    id: sheet.id,
                    sheet: sheet.sheet,
                    note: sheet.note,
                    total: fromHundredths(sheetHundredths(rubric[part].items, sheet.sheet)),
                    judgeId: sheet.judgeId,
                    judgeName: names.get(sheet.judgeId) ?? '',
                    mine: sheet.judgeId === judgeId,
                    photos: photos.get(sheet.id) ?? [],
                    submittedAt: sheet.submittedAt.toISOString(),
                  }
                : null,
            };
          }),
        });
      }
  }
  return tasks;
}

/** The year of a township: each village's monthly totals, the annual score (mean of the final rounds), the other score and the evaluation. */
export async function yearTable(db: Db, townshipId: string, year: number, visible: (villageId: string) => boolean) {
  const settings = await settingsOf(db, townshipId);
  const rounds = await db
    .select()
    .from(competitionRounds)
    .where(
      and(
        eq(competitionRounds.townshipId, townshipId),
        like(competitionRounds.month, `${year}-%`),
        or(eq(competitionRounds.status, 'published'), eq(competitionRounds.status, 'final')),
      ),
    )
    .orderBy(asc(competitionRounds.month));
  const finals = rounds
    .filter((r) => r.status === 'final')
    .map((r) => ({
      month: r.month,
      scores: (rankingOf(r)?.rows ?? []).map((x) => ({ villageId: x.villageId, total: x.total })),
    }));
  const annual = new Map(villageYears(finals).map((y) => [y.villageId, y]));
  const others = new Map(
    (
      await db
        .select()
        .from(competitionYearScores)
        .where(and(eq(competitionYearScores.townshipId, townshipId), eq(competitionYearScores.year, year)))
    ).map((r) => [r.villageId, Number(r.otherScore)]),
  );
  const villages = (await villagesOf(db, townshipId)).filter((v) => visible(v.id));
  return {
    townshipId,
    townshipName: await townshipName(db, townshipId),
    year,
    competitionWeight: settings.competitionWeight,
    months: rounds.map((r) => ({ roundId: r.id, month: r.month, status: r.status })),
    villages: villages.map((v) => {
      const y = annual.get(v.id);
      const competitionScore = y ? y.annual : annualCompetitionScore([]);
      const otherScore = others.get(v.id) ?? null;
      return {
        villageId: v.id,
        villageName: v.name,
        monthly: rounds.map((r) => {
          const row = rankingOf(r)?.rows.find((x) => x.villageId === v.id);
          return {
            month: r.month,
            status: r.status,
            total: row?.total ?? null,
            rank: row?.rank ?? null,
            moneyFen: row?.moneyFen ?? null,
          };
        }),
        roundsCounted: y?.rounds.length ?? 0,
        competitionScore,
        otherScore,
        evaluation:
          competitionScore !== null && otherScore !== null
            ? yearEndEvaluation({ competitionScore, otherScore, weight: settings.competitionWeight })
            : null,
      };
    }),
  };
}
