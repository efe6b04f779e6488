/** Reading the ledger: lists with filters, one problem with its history, the meeting's village × category matrix. */
import { isOverdue, type ProblemStatus, type Scope, shanghaiDate } from '@fupin/domain';
import { and, asc, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client';
import { households, problemEvents, problemEvidence, problems, units, users } from '../../db/schema/index';

export interface ProblemFilter {
  campaignId?: string | undefined;
  villageId?: string | undefined;
  householdId?: string | undefined;
  category?: string | undefined;
  source?: string | undefined;
  status?: string | undefined;
  level?: 'village' | 'township' | undefined;
  overdue?: 'true' | 'false' | undefined;
  responsibleUserId?: string | undefined;
  orderId?: string | undefined;
  q?: string | undefined;
}

/**
 * The problems a scope may see: whole townships and villages, and for a cadre those of paired
 * households and those they are answerable for.
 */
export function problemScope(scope: Scope, userId: string): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.townships.length) parts.push(inArray(problems.townshipId, scope.townships));
  if (scope.villages.length) parts.push(inArray(problems.villageId, scope.villages));
  const paired = [...scope.paired.townships, ...scope.paired.villages];
  if (paired.length) {
    const inPaired = or(inArray(problems.townshipId, paired), inArray(problems.villageId, paired));
    parts.push(
      sql`(${inPaired} and (${problems.responsibleUserId} = ${userId} or exists (select 1 from pairings p where p.township_id = ${problems.townshipId} and p.household_id = ${problems.householdId} and p.cadre_id = ${userId})))`,
    );
  }
  return parts.length ? or(...parts) : undefined;
}

export function problemConditions(scope: Scope, userId: string, f: ProblemFilter, today: string): SQL[] {
  const inScope = problemScope(scope, userId);
  const c: SQL[] = [inScope ?? sql`false`];
  if (f.campaignId) c.push(eq(problems.campaignId, f.campaignId));
  if (f.villageId) c.push(eq(problems.villageId, f.villageId));
  if (f.householdId) c.push(eq(problems.householdId, f.householdId));
  if (f.category) c.push(eq(problems.category, f.category));
  if (f.source) c.push(eq(problems.source, f.source));
  if (f.status) c.push(eq(problems.status, f.status as ProblemStatus));
  if (f.level) c.push(eq(problems.level, f.level));
  if (f.responsibleUserId) c.push(eq(problems.responsibleUserId, f.responsibleUserId));
  if (f.orderId)
    c.push(
      sql`exists (select 1 from order_problems op where op.township_id = ${problems.townshipId} and op.problem_id = ${problems.id} and op.order_id = ${f.orderId})`,
    );
  if (f.overdue === 'true') c.push(sql`${problems.deadline} < ${today} and ${problems.status} not in ('closed', 'submitted')`);
  if (f.q) c.push(sql`${problems.description} like ${`%${f.q.replace(/[%_\\]/g, '\\$&')}%`}`);
  return c;
}

const village = alias(units, 'village');
const responsibleUnit = alias(units, 'runit');

export async function listProblems(
  db: Db,
  scope: Scope,
  userId: string,
  f: ProblemFilter,
  page: { limit: number; offset: number },
  now: Date,
  onlyId?: string,
) {
  const today = shanghaiDate(now);
  const where = and(...problemConditions(scope, userId, f, today), onlyId ? eq(problems.id, onlyId) : undefined);
  const [total] = await db.select({ n: count() }).from(problems).where(where);
  const rows = await db
    .select({
      p: problems,
      villageName: village.name,
      headName: households.headName,
      householdNumber: households.householdNumber,
      responsibleUnitName: responsibleUnit.name,
      responsibleUserName: users.displayName,
    })
    .from(problems)
    .leftJoin(village, eq(village.id, problems.villageId))
    .leftJoin(households, and(eq(households.townshipId, problems.townshipId), eq(households.id, problems.householdId)))
    .leftJoin(responsibleUnit, eq(responsibleUnit.id, problems.responsibleUnitId))
    .leftJoin(users, eq(users.id, problems.responsibleUserId))
    .where(where)
    .orderBy(asc(problems.deadline), desc(problems.createdAt))
    .limit(page.limit)
    .offset(page.offset);
  return {
    total: total?.n ?? 0,
    items: rows.map((r) => ({
      ...presentProblem(r.p, today),
      villageName: r.villageName,
      headName: r.headName,
      householdNumber: r.householdNumber,
      responsibleUnitName: r.responsibleUnitName,
      responsibleUserName: r.responsibleUserName,
    })),
  };
}

export function presentProblem(p: typeof problems.$inferSelect, today: string) {
  return {
    id: p.id,
    townshipId: p.townshipId,
    source: p.source,
    category: p.category,
    villageId: p.villageId,
    householdId: p.householdId,
    siteId: p.siteId,
    description: p.description,
    measures: p.measures,
    level: p.level,
    responsibleUnitId: p.responsibleUnitId,
    responsibleUserId: p.responsibleUserId,
    deadline: p.deadline,
    status: p.status as ProblemStatus,
    overdue: isOverdue({ status: p.status as ProblemStatus, deadline: p.deadline }, today),
    createdAt: p.createdAt.toISOString(),
    submittedBy: p.submittedBy,
    submittedAt: p.submittedAt?.toISOString() ?? null,
    closedAt: p.closedAt?.toISOString() ?? null,
    closedBy: p.closedBy,
    escalatedAt: p.escalatedAt?.toISOString() ?? null,
    reopenedCount: p.reopenedCount,
    version: p.version,
  };
}

export async function historyOf(db: Db, townshipId: string, problemId: string) {
  const events = await db
    .select({ e: problemEvents, actorName: users.displayName })
    .from(problemEvents)
    .leftJoin(users, eq(users.id, problemEvents.actorId))
    .where(and(eq(problemEvents.townshipId, townshipId), eq(problemEvents.problemId, problemId)))
    .orderBy(asc(problemEvents.at), asc(problemEvents.id));
  const evidence = await db
    .select({
      id: problemEvidence.id,
      fileName: problemEvidence.fileName,
      mimeType: problemEvidence.mimeType,
      size: problemEvidence.size,
      uploadedAt: problemEvidence.uploadedAt,
      uploadedBy: users.displayName,
    })
    .from(problemEvidence)
    .leftJoin(users, eq(users.id, problemEvidence.uploadedBy))
    .where(and(eq(problemEvidence.townshipId, townshipId), eq(problemEvidence.problemId, problemId)))
    .orderBy(asc(problemEvidence.uploadedAt));
  return {
    events: events.map(({ e, actorName }) => ({
      at: e.at.toISOString(),
      actorName,
      action: e.action,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      note: e.note,
    })),
    evidence: evidence.map((x) => ({ ...x, uploadedAt: x.uploadedAt.toISOString(), uploadedBy: x.uploadedBy ?? '' })),
  };
}

/** The analysis meeting's table: every village × category, open, closed and overdue. */
export async function problemMatrix(db: Db, townshipId: string, campaignId: string | null, now: Date) {
  const today = shanghaiDate(now);
  const rows = await db
    .select({
      villageId: problems.villageId,
      category: problems.category,
      open: sql<number>`count(*) filter (where ${problems.status} <> 'closed')::int`,
      closed: sql<number>`count(*) filter (where ${problems.status} = 'closed')::int`,
      overdue: sql<number>`count(*) filter (where ${problems.status} not in ('closed', 'submitted') and ${problems.deadline} < ${today})::int`,
    })
    .from(problems)
    .where(and(eq(problems.townshipId, townshipId), campaignId ? eq(problems.campaignId, campaignId) : undefined))
    .groupBy(problems.villageId, problems.category);
  const villages = await db
    .select({ id: units.id, name: units.name })
    .from(units)
    .where(and(eq(units.townshipId, townshipId), eq(units.kind, 'village')))
    .orderBy(asc(units.sortOrder), asc(units.name));
  return { villages, cells: rows };
}

/** Every problem a reader sees under a filter, with what the ledger (附件6) prints beside it. */
export async function ledgerRows(db: Db, scope: Scope, userId: string, f: ProblemFilter, now: Date) {
  const today = shanghaiDate(now);
  const where = and(...problemConditions(scope, userId, f, today));
  const rows = await db
    .select({
      p: problems,
      villageName: village.name,
      headName: households.headName,
      headIdNumber: sql<
        string | null
      >`(select m.id_number from members m where m.township_id = ${problems.townshipId} and m.household_id = ${problems.householdId}
                                         order by (m.relation = 'head' and m.status = 'current') desc, m.sort_order limit 1)`,
      siteName: sql<
        string | null
      >`(select s.name from sites s where s.township_id = ${problems.townshipId} and s.id = ${problems.siteId})`,
      responsibleUnitName: responsibleUnit.name,
      responsibleUserName: users.displayName,
    })
    .from(problems)
    .leftJoin(village, eq(village.id, problems.villageId))
    .leftJoin(households, and(eq(households.townshipId, problems.townshipId), eq(households.id, problems.householdId)))
    .leftJoin(responsibleUnit, eq(responsibleUnit.id, problems.responsibleUnitId))
    .leftJoin(users, eq(users.id, problems.responsibleUserId))
    .where(where)
    .orderBy(asc(village.sortOrder), asc(village.name), asc(problems.createdAt));
  return rows.map((r) => ({ ...r, problem: presentProblem(r.p, today) }));
}

/** Who and which unit holds overdue problems in a township, worst first. */
export async function overdueByResponsible(db: Db, townshipId: string, now: Date) {
  const today = shanghaiDate(now);
  const late = and(
    eq(problems.townshipId, townshipId),
    sql`${problems.deadline} < ${today} and ${problems.status} not in ('closed', 'submitted')`,
  );
  const byPerson = await db
    .select({
      userId: problems.responsibleUserId,
      name: users.displayName,
      overdue: sql<number>`count(*)::int`,
      oldestDeadline: sql<string>`min(${problems.deadline})::text`,
    })
    .from(problems)
    .leftJoin(users, eq(users.id, problems.responsibleUserId))
    .where(late)
    .groupBy(problems.responsibleUserId, users.displayName)
    .orderBy(desc(sql`count(*)`));
  const byUnit = await db
    .select({
      unitId: problems.responsibleUnitId,
      name: responsibleUnit.name,
      overdue: sql<number>`count(*)::int`,
      escalated: sql<number>`count(*) filter (where ${problems.escalatedAt} is not null)::int`,
      oldestDeadline: sql<string>`min(${problems.deadline})::text`,
    })
    .from(problems)
    .leftJoin(responsibleUnit, eq(responsibleUnit.id, problems.responsibleUnitId))
    .where(late)
    .groupBy(problems.responsibleUnitId, responsibleUnit.name)
    .orderBy(desc(sql`count(*)`));
  return { byPerson, byUnit };
}
