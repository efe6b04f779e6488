/** SQL of accounts and role assignments. */
import { DomainError, type Role, term } from '@fupin/domain';
import type { User } from '@fupin/domain/schemas/users';
import { and, asc, count, eq, exists, ilike, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { roleAssignments, sessions, units, users, workUnits } from '../../db/schema/index';
import type { Scope } from '../auth/repository';
import { unitScopeCondition } from '../org/repository';

export type UserRow = typeof users.$inferSelect;

/** The account with this id, or NOT_FOUND. */
export async function getUserRow(db: Db | Tx, id: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw new DomainError('NOT_FOUND', { entity: term('entity.user') });
  return row;
}

/** The account with this username (case-insensitive), if any. */
export async function findUserByUsername(db: Db | Tx, username: string): Promise<UserRow | undefined> {
  const [row] = await db.select().from(users).where(eq(users.username, username.toLowerCase())).limit(1);
  return row;
}

/** The units an account belongs to: its home unit and the units of its roles; null when it does not exist. */
export async function unitsOfUser(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db.select({ homeUnitId: users.homeUnitId }).from(users).where(eq(users.id, id)).limit(1);
  if (!row) return null;
  const roles = await db.select({ unitId: roleAssignments.unitId }).from(roleAssignments).where(eq(roleAssignments.userId, id));
  return [row.homeUnitId, ...roles.map((r) => r.unitId)];
}

/** The home unit of an account; null when it does not exist. */
export async function homeUnitOfUser(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db.select({ homeUnitId: users.homeUnitId }).from(users).where(eq(users.id, id)).limit(1);
  return row ? [row.homeUnitId] : null;
}

/** The unit of a role assignment; null when it does not exist. */
export async function unitOfRoleAssignment(db: Db | Tx, id: string): Promise<string[] | null> {
  const [row] = await db
    .select({ unitId: roleAssignments.unitId })
    .from(roleAssignments)
    .where(eq(roleAssignments.id, id))
    .limit(1);
  return row ? [row.unitId] : null;
}

/** Accounts in the API's shape, with their roles, in the order of `ids`. */
export async function loadUserViews(db: Db | Tx, ids: readonly string[], now: Date): Promise<User[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ user: users, homeUnitName: units.name, workUnitName: workUnits.name })
    .from(users)
    .innerJoin(units, eq(units.id, users.homeUnitId))
    .leftJoin(workUnits, eq(workUnits.id, users.workUnitId))
    .where(inArray(users.id, [...ids]));
  const roles = await db
    .select({ a: roleAssignments, unitName: units.name, unitKind: units.kind })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(inArray(roleAssignments.userId, [...ids]))
    .orderBy(asc(roleAssignments.createdAt));
  const byId = new Map(rows.map((r) => [r.user.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const u = r.user;
    return [
      {
        id: u.id,
        username: u.username,
        displayName: u.displayName,
        phone: u.phone,
        homeUnitId: u.homeUnitId,
        homeUnitName: r.homeUnitName,
        workUnitId: u.workUnitId,
        workUnitName: r.workUnitName,
        mustChangePassword: u.mustChangePassword,
        disabled: u.disabledAt !== null,
        locked: u.lockedUntil !== null && u.lockedUntil > now,
        lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
        roles: roles
          .filter((x) => x.a.userId === id)
          .map((x) => ({
            id: x.a.id,
            role: x.a.role as Role,
            unitId: x.a.unitId,
            unitName: x.unitName,
            unitKind: x.unitKind,
            sector: x.a.sector as User['roles'][number]['sector'],
            title: x.a.title,
          })),
      },
    ];
  });
}

export interface UserFilter {
  q?: string | undefined;
  unitId?: string | undefined;
  role?: Role | undefined;
  limit: number;
  offset: number;
}

/** The ids of accounts a scope may see (home unit or a role in scope), filtered and paged. */
export async function listUserIds(db: Db | Tx, scope: Scope, filter: UserFilter): Promise<{ ids: string[]; total: number }> {
  const inScope = unitScopeCondition(scope);
  if (!inScope) return { ids: [], total: 0 };
  const scopedUnits = db.select({ id: units.id }).from(units).where(inScope);
  const conditions: SQL[] = [];
  const visible = or(
    inArray(users.homeUnitId, scopedUnits),
    exists(
      db
        .select({ one: sql`1` })
        .from(roleAssignments)
        .where(and(eq(roleAssignments.userId, users.id), inArray(roleAssignments.unitId, scopedUnits))),
    ),
  );
  if (visible) conditions.push(visible);
  if (filter.q) {
    const like = `%${filter.q.replace(/[%_\\]/g, '\\$&')}%`;
    const match = or(ilike(users.displayName, like), ilike(users.username, like), ilike(users.phone, like));
    if (match) conditions.push(match);
  }
  if (filter.unitId) {
    const under = db
      .select({ id: units.id })
      .from(units)
      .where(
        or(
          eq(units.id, filter.unitId),
          eq(units.townshipId, filter.unitId),
          eq(units.villageId, filter.unitId),
          eq(units.countyId, filter.unitId),
        ),
      );
    const inUnit = or(
      inArray(users.homeUnitId, under),
      exists(
        db
          .select({ one: sql`1` })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, users.id), inArray(roleAssignments.unitId, under))),
      ),
    );
    if (inUnit) conditions.push(inUnit);
  }
  if (filter.role) {
    conditions.push(
      exists(
        db
          .select({ one: sql`1` })
          .from(roleAssignments)
          .where(and(eq(roleAssignments.userId, users.id), eq(roleAssignments.role, filter.role))),
      ),
    );
  }
  const where = and(...conditions);
  const [totalRow] = await db.select({ n: count() }).from(users).where(where);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(where)
    .orderBy(asc(users.displayName), asc(users.username))
    .limit(filter.limit)
    .offset(filter.offset);
  return { ids: rows.map((r) => r.id), total: totalRow?.n ?? 0 };
}

/** Ends every live session of an account (after a password reset, a disable, or on request). */
export async function revokeSessionsOf(db: Db | Tx, userId: string, now: Date, exceptSessionId?: string): Promise<number> {
  const conditions = [eq(sessions.userId, userId), sql`${sessions.revokedAt} is null`];
  if (exceptSessionId) conditions.push(sql`${sessions.id} <> ${exceptSessionId}`);
  const rows = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(...conditions))
    .returning({ id: sessions.id });
  return rows.length;
}

/** What the audit log keeps of an account: never the password hash. */
export function auditViewOfUser(u: UserRow) {
  return {
    username: u.username,
    displayName: u.displayName,
    phone: u.phone,
    homeUnitId: u.homeUnitId,
    workUnitId: u.workUnitId,
    mustChangePassword: u.mustChangePassword,
    disabledAt: u.disabledAt,
    lockedUntil: u.lockedUntil,
    failedLogins: u.failedLogins,
  };
}
