/**
 * Where a round stands: per village, the subjects expected (the drawn households, the nominated
 * groups, the village), the sheets in, what is missing (named, for the office) and, once every
 * sheet is in, the village's part scores by the domain's scoreVillage; and the ranking by
 * rankVillages. A round's villages are those with a sample (drawn when it started; a village
 * added to the township later joins by a redraw). Sheets of a household no longer drawn or a group
 * no longer nominated are kept but do not count.
 */
import {
  COMPETITION_PARTS,
  type CompetitionPart,
  type FieldError,
  fromHundredths,
  GROUPS_NOMINATED,
  rankVillages,
  type SampleRecord,
  scoreVillage,
  term,
  type VillageScore,
} from '@fupin/domain';
import type { Db, Tx } from '../../db/client';
import {
  groupsOfVillages,
  type HouseholdBrief,
  householdBriefs,
  prizesOf,
  type RoundRecords,
  type RoundRow,
  roundRecords,
  rubricOf,
  type ScoreRow,
  type StoredRankingRow,
  villagesOf,
} from './repository';

export interface VillageAssessment {
  villageId: string;
  villageName: string;
  order: number;
  sample: (SampleRecord & { drawnAt: Date; drawnBy: string | null }) | null;
  /** the village's groups, for nominating */
  groups: { id: string; name: string }[];
  nomination: { groupIds: string[]; nominatedAt: Date; nominatedBy: string | null } | null;
  judges: Record<CompetitionPart, string[]>;
  /** the sheets that count: one per expected subject that has been scored */
  sheets: Record<CompetitionPart, ScoreRow[]>;
  progress: Record<CompetitionPart, { in: number; expected: number }>;
  missing: FieldError[];
  score: VillageScore | null;
}

export interface RoundAssessment {
  villages: VillageAssessment[];
  missing: FieldError[];
  households: Map<string, HouseholdBrief>;
  groupNames: Map<string, string>;
  records: RoundRecords;
}

const partTerm = (part: CompetitionPart) => term(`competition.part.${part}`);

export async function assessRound(db: Db | Tx, round: RoundRow, given?: RoundRecords): Promise<RoundAssessment> {
  const records = given ?? (await roundRecords(db, round));
  const rubric = rubricOf(round);
  // The round's villages are those drawn for it (at its start, or later by a redraw), in the township's order.
  const drawn = new Set(records.samples.map((s) => s.villageId));
  const villages = (await villagesOf(db, round.townshipId)).filter((v) => drawn.has(v.id));
  const groups = await groupsOfVillages(
    db,
    villages.map((v) => v.id),
  );
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const households = await householdBriefs(
    db,
    round.townshipId,
    records.samples.flatMap((s) => s.record.sample),
  );
  const out: VillageAssessment[] = [];
  for (const v of villages) {
    const sampleRow = records.samples.find((s) => s.villageId === v.id);
    const nominationRow = records.nominations.find((n) => n.villageId === v.id);
    const villageGroups = groups.filter((g) => g.villageId === v.id).map((g) => ({ id: g.id, name: g.name }));
    const wantedGroups = villageGroups.length === 0 ? GROUPS_NOMINATED : Math.min(GROUPS_NOMINATED, villageGroups.length);
    const judges = Object.fromEntries(
      COMPETITION_PARTS.map((p) => [
        p,
        records.assignments.filter((a) => a.villageId === v.id && a.part === p).map((a) => a.judgeId),
      ]),
    ) as Record<CompetitionPart, string[]>;
    const subjects: Record<CompetitionPart, string[]> = {
      households: sampleRow?.record.sample ?? [],
      groups: nominationRow?.groupIds ?? [],
      village: [v.id],
    };
    const sheets = Object.fromEntries(
      COMPETITION_PARTS.map((p) => [
        p,
        subjects[p]
          .map((s) => records.scores.find((r) => r.villageId === v.id && r.part === p && r.subjectId === s))
          .filter((r): r is ScoreRow => r !== undefined),
      ]),
    ) as Record<CompetitionPart, ScoreRow[]>;
    const progress = {
      households: { in: sheets.households.length, expected: subjects.households.length },
      groups: { in: sheets.groups.length, expected: nominationRow ? subjects.groups.length : wantedGroups },
      village: { in: sheets.village.length, expected: 1 },
    };
    const village = v.name;
    const missing: FieldError[] = [];
    if (subjects.households.length === 0) missing.push({ path: '', key: 'competition.missing.sample', params: { village } });
    // A part still to score needs a judge (one unassigned after scoring everything holds nothing up).
    for (const p of COMPETITION_PARTS)
      if (judges[p].length === 0 && (progress[p].in < progress[p].expected || (p === 'groups' && !nominationRow)))
        missing.push({ path: '', key: 'competition.missing.assignment', params: { village, part: partTerm(p) } });
    if (!nominationRow) missing.push({ path: '', key: 'competition.missing.nomination', params: { village } });
    for (const id of subjects.households)
      if (!sheets.households.some((s) => s.subjectId === id))
        missing.push({
          path: '',
          key: 'competition.missing.households',
          params: { village, subject: households.get(id)?.headName ?? id },
        });
    for (const id of subjects.groups)
      if (!sheets.groups.some((s) => s.subjectId === id))
        missing.push({ path: '', key: 'competition.missing.groups', params: { village, subject: groupNames.get(id) ?? id } });
    if (sheets.village.length === 0) missing.push({ path: '', key: 'competition.missing.village', params: { village } });
    let score: VillageScore | null = null;
    if (missing.length === 0) {
      const result = scoreVillage(rubric, {
        villageId: v.id,
        households: sheets.households.map((s) => s.sheet),
        groups: sheets.groups.map((s) => s.sheet),
        village: sheets.village[0]?.sheet ?? {},
      });
      // Sheets are checked against the round's rubric when submitted; a failure here is a bug.
      if (!result.ok) throw new Error(`village ${v.id}: stored sheets do not score: ${JSON.stringify(result.problems)}`);
      score = result.score;
    }
    out.push({
      villageId: v.id,
      villageName: v.name,
      order: v.sortOrder,
      sample: sampleRow ? { ...sampleRow.record, drawnAt: sampleRow.drawnAt, drawnBy: sampleRow.drawnBy } : null,
      groups: villageGroups,
      nomination: nominationRow
        ? { groupIds: nominationRow.groupIds, nominatedAt: nominationRow.nominatedAt, nominatedBy: nominationRow.nominatedBy }
        : null,
      judges,
      sheets,
      progress,
      missing,
      score,
    });
  }
  return { villages: out, missing: out.flatMap((v) => v.missing), households, groupNames, records };
}

/** The ranking of a fully scored round (rankVillages with the round's prizes); null while anything is missing. */
export function rankRound(round: RoundRow, assessment: RoundAssessment): StoredRankingRow[] | null {
  if (assessment.missing.length > 0 || assessment.villages.length === 0) return null;
  const names = new Map(assessment.villages.map((v) => [v.villageId, v.villageName]));
  const ranked = rankVillages(
    assessment.villages.map((v) => ({ ...(v.score as VillageScore), order: v.order })),
    prizesOf(round),
  );
  return ranked.map((r) => ({ ...r, villageName: names.get(r.villageId) ?? '' }));
}

/** Money in fen as the bulletin writes it: +5,000.00, −2,500.00, 0.00. */
export function moneyText(fen: number): string {
  const abs = Math.abs(fen);
  const text = `${Math.floor(abs / 100).toLocaleString('en-US')}.${String(abs % 100).padStart(2, '0')}`;
  return fen > 0 ? `+${text}` : fen < 0 ? `−${text}` : text;
}

/** A ranking row for the API: the figures, the money three ways, whether the rank is shared. */
export function presentRankingRow(r: StoredRankingRow) {
  return {
    rank: r.rank,
    firstPlace: r.firstPlace,
    lastPlace: r.lastPlace,
    tied: r.firstPlace !== r.lastPlace,
    villageId: r.villageId,
    villageName: r.villageName,
    households: r.households,
    groups: r.groups,
    village: r.village,
    total: r.total,
    moneyFen: r.moneyFen,
    money: fromHundredths(r.moneyFen),
    moneyText: moneyText(r.moneyFen),
  };
}
