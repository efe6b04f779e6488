/** SQL of sessions and of the person behind a request. */
import type { Grant, Role, Scope, UnitKind } from '@fupin/domain';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { roleAssignments, sessions, units, users } from '../../db/schema/index';

export interface Principal {
  userId: string;
  username: string;
  displayName: string;
  homeUnitId: string;
  mustChangePassword: boolean;
  sessionId: string;
  grants: Grant[];
}

export interface SessionRow {
  id: string;
  userId: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
}

/** The session with this id and its user, or null. */
export async function findSessionWithUser(db: Db | Tx, sessionId: string) {
  const rows = await db
    .select({
      session: {
        id: sessions.id,
        userId: sessions.userId,
        lastSeenAt: sessions.lastSeenAt,
        expiresAt: sessions.expiresAt,
        revokedAt: sessions.revokedAt,
      },
      user: {
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        homeUnitId: users.homeUnitId,
        mustChangePassword: users.mustChangePassword,
        disabledAt: users.disabledAt,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sessionId))
    .limit(1);
  return rows[0] ?? null;
}

/** Every role assignment of a user with the position of its unit. */
export async function loadGrants(db: Db | Tx, userId: string): Promise<Grant[]> {
  const rows = await db
    .select({
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      unitKind: units.kind,
      countyId: units.countyId,
      townshipId: units.townshipId,
      sector: roleAssignments.sector,
    })
    .from(roleAssignments)
    .innerJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(roleAssignments.userId, userId));
  return rows.map((r) => ({ ...r, role: r.role as Role, unitKind: r.unitKind as UnitKind }));
}

/** Marks a session as used now (at most once a minute, to keep reads cheap). */
export async function touchSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ lastSeenAt: now })
    .where(and(eq(sessions.id, sessionId), sql`${sessions.lastSeenAt} < ${new Date(now.getTime() - 60_000)}`));
}

/** The townships of some counties, for expanding county grants into a scope. */
export async function townshipsOfCounties(db: Db | Tx, countyIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (countyIds.length === 0) return out;
  const rows = await db
    .select({ id: units.id, countyId: units.countyId })
    .from(units)
    .where(and(eq(units.kind, 'township'), inArray(units.countyId, [...countyIds])));
  for (const r of rows) out.set(r.countyId, [...(out.get(r.countyId) ?? []), r.id]);
  return out;
}

export type { Scope };
