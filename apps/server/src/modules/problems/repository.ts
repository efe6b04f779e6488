/** SQL of the problem ledger. */
import { DomainError, type Grant, type Permission, reachOn, term } from '@fupin/domain';
import { and, count, eq, or } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { problemEvidence, problems, roleAssignments, units, users } from '../../db/schema/index';
import { loadUnitChains } from '../../plugins/access';
import { isPairedWith } from '../households/repository';

export type ProblemRow = typeof problems.$inferSelect;

export async function getProblem(db: Db | Tx, id: string): Promise<ProblemRow> {
  const [row] = await db.select().from(problems).where(eq(problems.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.problem') });
  return row;
}

/** The units a problem belongs to, for the access check: its village, else its township. */
export async function unitOfProblem(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db
    .select({ v: problems.villageId, t: problems.townshipId })
    .from(problems)
    .where(eq(problems.id, id))
    .limit(1);
  return row ? [row.v ?? row.t] : null;
}

export async function evidenceCount(db: Db | Tx, townshipId: string, problemId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(problemEvidence)
    .where(and(eq(problemEvidence.townshipId, townshipId), eq(problemEvidence.problemId, problemId)));
  return row?.n ?? 0;
}

/**
 * The permissions a person holds over a problem. A village-level problem is acted on where its
 * village is; a township-level one (escalated, or a sector's) only by those who cover the
 * township. A cadre's paired reach counts only for a problem of a household paired with them,
 * or one they were made answerable for.
 */
export async function permissionsOver(
  db: Db | Tx,
  grants: readonly Grant[],
  userId: string,
  p: ProblemRow,
  wanted: readonly Permission[],
): Promise<Set<string>> {
  const unitId = p.level === 'township' || !p.villageId ? p.townshipId : p.villageId;
  const chain = (await loadUnitChains(db as Db, [unitId])).get(unitId);
  const held = new Set<string>();
  if (!chain) return held;
  let paired: boolean | undefined;
  for (const permission of wanted) {
    const reach = reachOn(grants, permission, chain);
    if (reach === 'subtree') held.add(permission);
    else if (reach === 'paired') {
      paired ??= await cadreReaches(db, p, userId); // asked once, whatever the number of permissions
      if (paired) held.add(permission);
    }
  }
  return held;
}

/**
 * Whether a cadre's paired reach covers a problem: one of a household paired with them, or one
 * they were made answerable for (they are notified of it, so they must be able to open it).
 */
export async function cadreReaches(db: Db | Tx, p: ProblemRow, userId: string): Promise<boolean> {
  if (p.responsibleUserId === userId) return true;
  return p.householdId !== null && (await isPairedWith(db, p.townshipId, p.householdId, userId));
}

/**
 * Whether a person works in a township (their home unit or one of their roles lies in it, or in
 * its county's own office): only such a person can be made answerable for its problems, so no
 * one elsewhere is named on them (or told of them).
 */
export async function worksInTownship(db: Db | Tx, userId: string, townshipId: string): Promise<boolean> {
  const [township] = await db.select({ countyId: units.countyId }).from(units).where(eq(units.id, townshipId));
  if (!township) return false;
  const here = or(eq(units.townshipId, townshipId), eq(units.id, township.countyId));
  const home = await db
    .select({ id: users.id })
    .from(users)
    .innerJoin(units, eq(units.id, users.homeUnitId))
    .where(and(eq(users.id, userId), here))
    .limit(1);
  if (home.length > 0) return true;
  const role = await db
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(and(eq(roleAssignments.userId, userId), here))
    .limit(1);
  return role.length > 0;
}
