/** SQL of the registry: households, members, pairings, tags. */
import { DomainError, type HouseholdListQuery, type RuleSetDefinition, term } from '@fupin/domain';
import { and, asc, eq, ilike, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { type Db, selectRows, type Tx } from '../../db/client';
import {
  householdFlags,
  households,
  householdTags,
  members,
  pairings,
  roleAssignments,
  ruleSets,
  units,
  users,
  workUnits,
} from '../../db/schema/index';
import type { Scope } from '../auth/repository';
import { householdAuditDocs } from '../imports/diff.sql';

export type HouseholdRow = typeof households.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

/** The household with this id in any township the caller may already address, or null. */
export async function findHousehold(db: Db | Tx, id: string): Promise<HouseholdRow | null> {
  const [row] = await db.select().from(households).where(eq(households.id, id)).limit(1);
  return row ?? null;
}

/** The household, or NOT_FOUND. */
export async function getHousehold(db: Db | Tx, townshipId: string, id: string): Promise<HouseholdRow> {
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.townshipId, townshipId), eq(households.id, id)))
    .limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.household') });
  return row;
}

/** The village of a household, for the access check; null when it does not exist. */
export async function villageOfHousehold(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db.select({ villageId: households.villageId }).from(households).where(eq(households.id, id)).limit(1);
  return row ? [row.villageId] : null;
}

export async function membersOf(db: Db | Tx, townshipId: string, householdId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(members)
    .where(and(eq(members.townshipId, townshipId), eq(members.householdId, householdId)))
    .orderBy(asc(members.sortOrder), asc(members.createdAt));
}

export async function pairingsOf(db: Db | Tx, townshipId: string, householdId: string) {
  return db
    .select({ cadreId: pairings.cadreId, cadreName: users.displayName, workUnitName: workUnits.name, since: pairings.since })
    .from(pairings)
    .innerJoin(users, eq(users.id, pairings.cadreId))
    .leftJoin(workUnits, eq(workUnits.id, users.workUnitId))
    .where(and(eq(pairings.townshipId, townshipId), eq(pairings.householdId, householdId)))
    .orderBy(asc(pairings.since));
}

/** Whether a cadre is paired with a household. */
export async function isPairedWith(db: Db | Tx, townshipId: string, householdId: string, cadreId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(pairings)
    .where(and(eq(pairings.townshipId, townshipId), eq(pairings.householdId, householdId), eq(pairings.cadreId, cadreId)))
    .limit(1);
  return row !== undefined;
}

/** The member holding an ID number in a township, with its household, if any. */
export async function findMemberByIdNumber(db: Db | Tx, townshipId: string, idNumber: string) {
  const [row] = await db
    .select({
      memberId: members.id,
      householdId: members.householdId,
      headName: households.headName,
      householdNumber: households.householdNumber,
      villageName: units.name,
    })
    .from(members)
    .innerJoin(households, and(eq(households.townshipId, members.townshipId), eq(households.id, members.householdId)))
    .innerJoin(units, eq(units.id, households.villageId))
    .where(and(eq(members.townshipId, townshipId), eq(members.idNumber, idNumber)))
    .limit(1);
  return row;
}

/** The household holding a household number in a township, if any. */
export async function findHouseholdByNumber(db: Db | Tx, townshipId: string, householdNumber: string) {
  const [row] = await db
    .select()
    .from(households)
    .where(and(eq(households.townshipId, townshipId), eq(households.householdNumber, householdNumber)))
    .limit(1);
  return row;
}

/** The township's own tags. */
export async function tagsOf(db: Db | Tx, townshipId: string) {
  return db.select().from(householdTags).where(eq(householdTags.townshipId, townshipId)).orderBy(asc(householdTags.createdAt));
}

/** Households of a scope: whole townships and villages, and paired households for a cadre. */
export function householdScopeCondition(scope: Scope, userId: string): SQL | undefined {
  const parts: SQL[] = [];
  if (scope.townships.length) parts.push(inArray(households.townshipId, scope.townships));
  if (scope.villages.length) parts.push(inArray(households.villageId, scope.villages));
  const pairedUnits: SQL[] = [];
  if (scope.paired.townships.length) pairedUnits.push(inArray(households.townshipId, scope.paired.townships));
  if (scope.paired.villages.length) pairedUnits.push(inArray(households.villageId, scope.paired.villages));
  if (pairedUnits.length) {
    const paired = and(or(...pairedUnits), pairedWith(userId));
    if (paired) parts.push(paired);
  }
  return parts.length ? or(...parts) : undefined;
}

/** "The household is paired with this cadre". */
export function pairedWith(cadreId: string): SQL {
  return sql`exists (select 1 from ${pairings} p where p.township_id = ${households.townshipId} and p.household_id = ${households.id} and p.cadre_id = ${cadreId})`;
}

const ESCAPE = (q: string) => q.replace(/[%_\\]/g, '\\$&');

/** The search of the list box: ID or household number, pinyin (zs, zhangs), or Chinese text. */
export function searchCondition(q: string, fullIdNumbers: boolean): SQL | undefined {
  const text = q.trim();
  if (!text) return undefined;
  const memberWhere = (cond: SQL) =>
    sql`exists (select 1 from ${members} m where m.township_id = ${households.townshipId} and m.household_id = ${households.id} and ${cond})`;
  if (/^[0-9]{4,17}[0-9Xx]?$/.test(text)) {
    const id = text.toUpperCase();
    // Readers who may only see masked numbers find a person by the whole number, never by a fragment.
    const byId =
      fullIdNumbers || id.length === 18
        ? memberWhere(fullIdNumbers ? sql`m.id_number like ${`%${ESCAPE(id)}%`}` : sql`m.id_number = ${id}`)
        : undefined;
    return or(like(households.householdNumber, `%${ESCAPE(id)}%`), byId);
  }
  if (/^[a-z]+$/i.test(text)) {
    const p = ESCAPE(text.toLowerCase());
    const pinyin = (column: SQL) => sql`(${column} like ${`${p}%`} or ${column} like ${`% ${p}%`})`;
    return or(
      pinyin(sql`${households.headPinyin}`),
      memberWhere(pinyin(sql`m.name_pinyin`)),
      ilike(households.householdNumber, `%${p}%`),
    );
  }
  const like_ = `%${ESCAPE(text)}%`;
  return or(
    ilike(households.headName, like_),
    ilike(households.address, like_),
    ilike(households.householdNumber, like_),
    memberWhere(sql`m.name like ${like_}`),
  );
}

const village = alias(units, 'village');
const group = alias(units, 'grp');

/** One page of the list, with what each row shows. */
export async function listHouseholds(
  db: Db | Tx,
  scope: Scope,
  userId: string,
  query: HouseholdListQuery,
  fullIdNumbers: boolean,
) {
  const where = and(...listConditions(scope, userId, query, fullIdNumbers));
  const [total] = await db.select({ n: sql<number>`count(*)::int` }).from(households).where(where);
  const rows = await db
    .select({
      id: households.id,
      townshipId: households.townshipId,
      householdNumber: households.householdNumber,
      headName: households.headName,
      villageId: households.villageId,
      villageName: village.name,
      groupName: group.name,
      povertyStatus: households.povertyStatus,
      exitYear: households.exitYear,
      tags: households.tags,
      wageIncome: households.wageIncome,
      businessIncome: households.businessIncome,
      propertyIncome: households.propertyIncome,
      transferIncome: households.transferIncome,
      currentMembers: sql<number>`(select count(*)::int from ${members} m where m.township_id = ${households.townshipId} and m.household_id = ${households.id} and m.status = 'current')`,
      headIdNumber: sql<
        string | null
      >`(select m.id_number from ${members} m where m.township_id = ${households.townshipId} and m.household_id = ${households.id} and m.status = 'current' and m.relation = 'head' limit 1)`,
      cadres: sql<
        string[]
      >`array(select u.display_name from ${pairings} p join ${users} u on u.id = p.cadre_id where p.township_id = ${households.townshipId} and p.household_id = ${households.id} order by p.since)`,
      pairedWithMe: pairedWith(userId),
      flags: sql<
        string[]
      >`array(select f.rule_id from household_flags f join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id
          where f.township_id = ${households.townshipId} and f.household_id = ${households.id} and rs.status = 'active' order by f.rule_id)`,
    })
    .from(households)
    .innerJoin(village, eq(village.id, households.villageId))
    .leftJoin(group, eq(group.id, households.groupId))
    .where(where)
    .orderBy(asc(village.sortOrder), asc(village.name), asc(group.sortOrder), asc(households.householdNumber), asc(households.id))
    .limit(query.limit)
    .offset(query.offset);
  return { rows, total: total?.n ?? 0 };
}

/** The conditions of a list query within a scope. */
export function listConditions(
  scope: Scope,
  userId: string,
  query: Omit<HouseholdListQuery, 'limit' | 'offset'>,
  fullIdNumbers: boolean,
): (SQL | undefined)[] {
  const inScope = householdScopeCondition(scope, userId);
  if (!inScope) return [sql`false`];
  const c: (SQL | undefined)[] = [inScope];
  if (query.townshipId) c.push(eq(households.townshipId, query.townshipId));
  if (query.villageId) c.push(eq(households.villageId, query.villageId));
  if (query.groupId) c.push(eq(households.groupId, query.groupId));
  if (query.povertyStatus) c.push(eq(households.povertyStatus, query.povertyStatus));
  if (query.tag) c.push(sql`${query.tag} = any(${households.tags})`);
  if (query.flag)
    c.push(sql`exists (select 1 from household_flags f join rule_sets rs on rs.township_id = f.township_id and rs.id = f.rule_set_id
      where f.township_id = ${households.townshipId} and f.household_id = ${households.id} and rs.status = 'active' and f.rule_id = ${query.flag})`);
  if (query.cadreId) c.push(pairedWith(query.cadreId));
  if (query.empty === 'true') {
    c.push(
      sql`not exists (select 1 from ${members} m where m.township_id = ${households.townshipId} and m.household_id = ${households.id} and m.status = 'current')`,
    );
  }
  if (query.q) c.push(searchCondition(query.q, fullIdNumbers));
  return c;
}

/** Whether the user holds the cadre role in the township (on it or one of its villages). */
export async function isCadreOfTownship(db: Db | Tx, townshipId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ one: sql`1` })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(
      and(
        eq(roleAssignments.userId, userId),
        eq(roleAssignments.role, 'cadre'),
        or(eq(units.id, townshipId), eq(units.townshipId, townshipId)),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/**
 * What the audit log keeps of a household: its row and its members' rows as stored, the same
 * document an import records (see householdAuditDocs).
 */
export async function householdAuditDoc(db: Db | Tx, townshipId: string, id: string): Promise<unknown> {
  const rows = await selectRows<{ doc: unknown }>(db, householdAuditDocs(sql`select ${townshipId}::uuid, ${id}::uuid`));
  return rows[0]?.doc ?? null;
}

/** The active rule set's flags of a household, with the rules' names. */
export async function flagsOf(db: Db | Tx, townshipId: string, householdId: string) {
  const rows = await db
    .select({ flag: householdFlags, definition: ruleSets.definition })
    .from(householdFlags)
    .innerJoin(ruleSets, and(eq(ruleSets.townshipId, householdFlags.townshipId), eq(ruleSets.id, householdFlags.ruleSetId)))
    .where(
      and(eq(householdFlags.townshipId, townshipId), eq(householdFlags.householdId, householdId), eq(ruleSets.status, 'active')),
    );
  return rows
    .map(({ flag, definition }) => {
      const rule = (definition as RuleSetDefinition).rules.find((r) => r.id === flag.ruleId);
      return {
        ruleId: flag.ruleId,
        kind: flag.kind,
        name: rule?.name ?? { zh: flag.ruleId, en: flag.ruleId },
        explanation: { zh: flag.explanationZh, en: flag.explanationEn },
        order: (definition as RuleSetDefinition).rules.findIndex((r) => r.id === flag.ruleId),
      };
    })
    .sort((a, b) => a.order - b.order)
    .map(({ order: _o, ...f }) => f);
}
