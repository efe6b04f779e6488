/** SQL of the competition (大比武): settings, rounds and what hangs off them, the registry rows a sample draws from. */
import {
  type CompetitionPart,
  DEFAULT_COMPETITION_WEIGHT,
  DEFAULT_PRIZES,
  DEFAULT_PUBLICITY_DAYS,
  DEFAULT_RUBRIC,
  DEFAULT_SAMPLE_SIZE,
  DomainError,
  isEligibleForSample,
  judgeOwnVillages,
  type PovertyStatus,
  type Prizes,
  type RankedVillage,
  type Rubric,
  type SampleRecord,
  term,
} from '@fupin/domain';
import { and, asc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client';
import {
  competitionAssignments,
  competitionNominations,
  competitionObjections,
  competitionRounds,
  competitionSamples,
  competitionScores,
  competitionSettings,
  households,
  pairings,
  roleAssignments,
  units,
  users,
} from '../../db/schema/index';

type Conn = Db | Tx;

export type RoundRow = typeof competitionRounds.$inferSelect;
export type ScoreRow = typeof competitionScores.$inferSelect;
export type ObjectionRow = typeof competitionObjections.$inferSelect;

/** A ranking row as stored with the round: the domain's ranked village and the village's name then. */
export type StoredRankingRow = RankedVillage & { villageName: string };

/** What `competition_rounds.ranking` holds once a round is published. */
export interface StoredRanking {
  /** the instant of publication: objections raised since belong to this publication */
  publishedAt: string;
  rows: StoredRankingRow[];
}

export function rubricOf(round: RoundRow): Rubric {
  return round.rubric as Rubric;
}

export function prizesOf(round: RoundRow): Prizes {
  return round.prizes as Prizes;
}

export function rankingOf(round: RoundRow): StoredRanking | null {
  return (round.ranking as StoredRanking | null) ?? null;
}

export async function getRound(db: Conn, id: string): Promise<RoundRow> {
  const [row] = await db.select().from(competitionRounds).where(eq(competitionRounds.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.competition_round') });
  return row;
}

/** The township of a round, for the access check; null when there is no such round. */
export async function townshipOfRound(db: Conn, id: string): Promise<string | null> {
  const [row] = await db
    .select({ t: competitionRounds.townshipId })
    .from(competitionRounds)
    .where(eq(competitionRounds.id, id))
    .limit(1);
  return row?.t ?? null;
}

export interface CompetitionSettings {
  townshipId: string;
  rubric: Rubric;
  prizes: Prizes;
  sampleSize: number;
  publicityDays: number;
  competitionWeight: number;
  /** false while the township runs on the defaults */
  saved: boolean;
  version: number;
  updatedAt: string | null;
}

/** The township's settings, or the defaults of DOMAIN.md §6 when it has saved none. */
export async function settingsOf(db: Conn, townshipId: string): Promise<CompetitionSettings> {
  const [row] = await db.select().from(competitionSettings).where(eq(competitionSettings.townshipId, townshipId));
  if (!row)
    return {
      townshipId,
      rubric: DEFAULT_RUBRIC,
      prizes: DEFAULT_PRIZES,
      sampleSize: DEFAULT_SAMPLE_SIZE,
      publicityDays: DEFAULT_PUBLICITY_DAYS,
      competitionWeight: DEFAULT_COMPETITION_WEIGHT,
      saved: false,
      version: 0,
      updatedAt: null,
    };
  return {
    townshipId,
    rubric: row.rubric as Rubric,
    prizes: row.prizes as Prizes,
    sampleSize: row.sampleSize,
    publicityDays: row.publicityDays,
    competitionWeight: Number(row.weight),
    saved: true,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export interface VillageRow {
  id: string;
  name: string;
  sortOrder: number;
}

/** The villages of a township in the township's order. */
export async function villagesOf(db: Conn, townshipId: string): Promise<VillageRow[]> {
  return db
    .select({ id: units.id, name: units.name, sortOrder: units.sortOrder })
    .from(units)
    .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village')))
    .orderBy(asc(units.sortOrder), asc(units.name), asc(units.id));
}

/** The unit if it is a village, else null. */
export async function findVillage(db: Conn, id: string) {
  const [row] = await db.select().from(units).where(eq(units.id, id)).limit(1);
  return row && row.kind === 'village' ? row : null;
}

/** The groups (村民小组) of some villages, in order. */
export async function groupsOfVillages(db: Conn, villageIds: readonly string[]) {
  if (villageIds.length === 0) return [];
  return db
    .select({ id: units.id, name: units.name, villageId: units.villageId })
    .from(units)
    .where(and(eq(units.kind, 'group'), inArray(units.villageId, [...villageIds])))
    .orderBy(asc(units.sortOrder), asc(units.name));
}

/**
 * The households that can be drawn, by village: registered poor (not out or exited) and marginal
 * households with a current member, decided by the domain's isEligibleForSample on registry rows.
 */
export async function eligibleByVillage(db: Conn, townshipId: string, villageId?: string): Promise<Map<string, string[]>> {
  const rows = await db
    .select({
      id: households.id,
      villageId: households.villageId,
      povertyStatus: households.povertyStatus,
      tags: households.tags,
      // Qualified by hand: with one table in the query the ORM writes its columns bare, which
      // inside the subquery would name the member's own columns.
      currentMembers: sql<number>`(select count(*)::int from members m
        where m.township_id = households.township_id and m.household_id = households.id and m.status = 'current')`,
    })
    .from(households)
    .where(
      and(
        eq(households.townshipId, townshipId),
        villageId ? eq(households.villageId, villageId) : undefined,
        or(sql`${households.povertyStatus} <> 'none'`, sql`'marginal' = any(${households.tags})`),
      ),
    );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    if (
      !isEligibleForSample({
        povertyStatus: r.povertyStatus as PovertyStatus,
        tags: r.tags,
        currentMembers: Number(r.currentMembers),
      })
    )
      continue;
    const list = out.get(r.villageId) ?? [];
    list.push(r.id);
    out.set(r.villageId, list);
  }
  return out;
}

export interface HouseholdBrief {
  id: string;
  villageId: string;
  headName: string;
  address: string | null;
  groupId: string | null;
  groupName: string | null;
  povertyStatus: string;
  tags: string[];
}

const groupUnit = alias(units, 'grp');

/** Head name, address and group of some households of a township. */
export async function householdBriefs(
  db: Conn,
  townshipId: string,
  ids: readonly string[],
): Promise<Map<string, HouseholdBrief>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: households.id,
      villageId: households.villageId,
      headName: households.headName,
      address: households.address,
      groupId: households.groupId,
      groupName: groupUnit.name,
      povertyStatus: households.povertyStatus,
      tags: households.tags,
    })
    .from(households)
    .leftJoin(groupUnit, eq(groupUnit.id, households.groupId))
    .where(and(eq(households.townshipId, townshipId), inArray(households.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Display names of some accounts. */
export async function userNames(db: Conn, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const list = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (list.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, list));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The judges of a township (a judge role on it), by id with their names. */
export async function judgesOf(db: Conn, townshipId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'judge'), eq(roleAssignments.unitId, townshipId)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The judges of a township with the villages each counts as their own, so the assignment grid can
 * keep a judge off their own village before the office saves (the command refuses it anyway).
 */
export async function judgesWithOwnVillages(db: Conn, townshipId: string) {
  const judges = await db
    .select({ id: users.id, name: users.displayName })
    .from(roleAssignments)
    .innerJoin(users, eq(users.id, roleAssignments.userId))
    .where(and(eq(roleAssignments.role, 'judge'), eq(roleAssignments.unitId, townshipId), isNull(users.disabledAt)));
  const items = [];
  for (const { id, name } of judges)
    items.push({ id, name, ownVillageIds: [...judgeOwnVillages(await ownVillageFacts(db, id))].sort() });
  return items.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * What judgeOwnVillages needs of a person: the village of their home unit, the villages where
 * they hold any role, and the villages of the households paired with them.
 */
export async function ownVillageFacts(db: Conn, userId: string) {
  const home = alias(units, 'home');
  const [u] = await db
    .select({ kind: home.kind, id: home.id, villageId: home.villageId })
    .from(users)
    .innerJoin(home, eq(home.id, users.homeUnitId))
    .where(eq(users.id, userId));
  const homeVillageId = u ? (u.kind === 'village' ? u.id : u.kind === 'group' ? u.villageId : null) : null;
  const roles = await db
    .select({ kind: units.kind, id: units.id, villageId: units.villageId })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId));
  const roleVillageIds = roles
    .map((r) => (r.kind === 'village' ? r.id : r.kind === 'group' ? r.villageId : null))
    .filter((id): id is string => id !== null);
  const paired = await db
    .selectDistinct({ villageId: households.villageId })
    .from(pairings)
    .innerJoin(households, and(eq(households.townshipId, pairings.townshipId), eq(households.id, pairings.householdId)))
    .where(eq(pairings.cadreId, userId));
  return { homeVillageId, roleVillageIds, pairedVillageIds: paired.map((p) => p.villageId) };
}

/** Everything recorded against a round: samples, nominations, judges, sheets, objections. */
export async function roundRecords(db: Conn, round: Pick<RoundRow, 'townshipId' | 'id'>) {
  const t = round.townshipId;
  const samples = await db
    .select()
    .from(competitionSamples)
    .where(and(eq(competitionSamples.townshipId, t), eq(competitionSamples.roundId, round.id)));
  const nominations = await db
    .select()
    .from(competitionNominations)
    .where(and(eq(competitionNominations.townshipId, t), eq(competitionNominations.roundId, round.id)));
  const assignments = await db
    .select()
    .from(competitionAssignments)
    .where(and(eq(competitionAssignments.townshipId, t), eq(competitionAssignments.roundId, round.id)));
  const scores = await db
    .select()
    .from(competitionScores)
    .where(and(eq(competitionScores.townshipId, t), eq(competitionScores.roundId, round.id)));
  const objections = await db
    .select()
    .from(competitionObjections)
    .where(and(eq(competitionObjections.townshipId, t), eq(competitionObjections.roundId, round.id)))
    .orderBy(asc(competitionObjections.raisedAt), asc(competitionObjections.id));
  return {
    samples: samples.map((s) => ({ ...s, record: s.record as SampleRecord })),
    nominations,
    assignments: assignments as (typeof competitionAssignments.$inferSelect & { part: CompetitionPart })[],
    scores,
    objections,
  };
}

export type RoundRecords = Awaited<ReturnType<typeof roundRecords>>;

/** The objections of the round's current publication (raised since it was published). */
export function objectionsOfPublication(round: RoundRow, objections: readonly ObjectionRow[]): ObjectionRow[] {
  const ranking = rankingOf(round);
  if (!ranking) return [];
  const since = new Date(ranking.publishedAt).getTime();
  return objections.filter((o) => o.raisedAt.getTime() >= since);
}
