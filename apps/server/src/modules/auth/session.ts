/**
 * Sessions: a random token in an HTTP-only, SameSite=Strict cookie; the database keeps only
 * its SHA-256, so a copy of the table cannot be replayed. A session ends when revoked, when idle
 * too long, or at its absolute expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Grant, Role, UnitKind } from '@fupin/domain';
import { eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { type Db, preparedDb } from '../../db/client';
import { roleAssignments, sessions, units, users } from '../../db/schema/index';
import { type Principal, touchSession } from './repository';

export const SESSION_COOKIE = 'fupin_session';

/** A new token and the id it is stored under. */
export function newSessionToken(): { token: string; id: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, id: sessionIdOf(token) };
}

/** The stored id of a token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sets the session cookie. */
export function setSessionCookie(reply: FastifyReply, token: string, config: Config, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: config.COOKIE_SECURE,
    expires: expiresAt,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.COOKIE_SECURE });
}

/** The last use is written at most once a minute (reads stay reads); idle timeouts count in hours. */
const TOUCH_EVERY_MS = 60_000;

/**
 * The session, its user and every role grant in one statement (a row a grant; one row with null
 * grant columns for a person without roles), read afresh on every request so a revoked session or
 * a removed role takes effect at once. Prepared once per database: built and planned once.
 */
function sessionQuery(db: Db) {
  return db
    .select({
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      userId: users.id,
      username: users.username,
      displayName: users.displayName,
      homeUnitId: users.homeUnitId,
      mustChangePassword: users.mustChangePassword,
      disabledAt: users.disabledAt,
      role: roleAssignments.role,
      unitId: roleAssignments.unitId,
      sector: roleAssignments.sector,
      unitKind: units.kind,
      countyId: units.countyId,
      townshipId: units.townshipId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(roleAssignments, eq(roleAssignments.userId, users.id))
    .leftJoin(units, eq(units.id, roleAssignments.unitId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare('fupin_session_principal');
}
const prepared = new WeakMap<Db, ReturnType<typeof sessionQuery>>();

/**
 * Sessions seen in the last few seconds, with their principals, so that a burst of requests on
 * one session (a phone sending its queue of forms) reads the session and its grants once, not
 * once a request: on the busiest route that read was one of three round trips. Safe because:
 *  - accounts, role assignments and sessions change only through commands, and every command
 *    this process runs forgets everything remembered when it ends (runCommand calls
 *    forgetPrincipals), so a change made here applies to the next request;
 *  - a change made by another process (a second server, the CLI) applies within PRINCIPAL_TTL_MS;
 *  - revocation, expiry, idle time and disabled accounts are still judged on every request, by
 *    the clock, on the remembered row (whose last use this process keeps up to date);
 *  - a read that began before a command ended is not remembered (the generation count).
 */
const PRINCIPAL_TTL_MS = 3_000;
interface SessionState {
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  disabledAt: Date | null;
  principal: Principal;
  until: number;
}
let remembered = new WeakMap<Db, Map<string, SessionState>>();
let generation = 0;

/** Forgets every remembered session: after any command, which may have changed who may do what. */
export function forgetPrincipals(): void {
  remembered = new WeakMap();
  generation++;
}

/** The session and its principal: remembered, or read (one statement). Null when the session is unknown. */
async function sessionState(db: Db, id: string): Promise<SessionState | null> {
  const known = remembered.get(db)?.get(id);
  if (known && known.until > Date.now()) return known;
  let query = prepared.get(db);
  if (!query) {
    query = sessionQuery(preparedDb(db));
    prepared.set(db, query);
  }
  const seen = generation;
  const rows = await query.execute({ id });
  const first = rows[0];
  if (!first) return null;
  const grants: Grant[] = [];
  for (const r of rows) {
    if (r.role === null || r.unitId === null || r.unitKind === null || r.countyId === null) continue;
    grants.push({
      role: r.role as Role,
      unitId: r.unitId,
      unitKind: r.unitKind as UnitKind,
      countyId: r.countyId,
      townshipId: r.townshipId,
      sector: r.sector,
    });
  }
  const state: SessionState = {
    lastSeenAt: first.lastSeenAt,
    expiresAt: first.expiresAt,
    revokedAt: first.revokedAt,
    disabledAt: first.disabledAt,
    principal: {
      userId: first.userId,
      username: first.username,
      displayName: first.displayName,
      homeUnitId: first.homeUnitId,
      mustChangePassword: first.mustChangePassword,
      sessionId: id,
      grants,
    },
    until: Date.now() + PRINCIPAL_TTL_MS,
  };
  if (seen === generation) {
    let map = remembered.get(db);
    if (!map) {
      map = new Map();
      remembered.set(db, map);
    }
    // Bounded: the sessions of a few seconds.
    if (map.size > 10_000) map.clear();
    map.set(id, state);
  }
  return state;
}

/** The person behind a request, or null when the cookie is absent, unknown, revoked or expired. */
export async function authenticate(req: FastifyRequest): Promise<Principal | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const { database, clock, config } = req.server.deps;
  const id = sessionIdOf(token);
  const { db } = database;
  const state = await sessionState(db, id);
  if (!state) return null;
  const now = clock.now();
  const idleLimit = new Date(state.lastSeenAt.getTime() + config.SESSION_IDLE_HOURS * 3_600_000);
  if (state.revokedAt || state.expiresAt <= now || idleLimit <= now || state.disabledAt) return null;
  // The same condition touchSession's UPDATE carries, checked here first so most requests skip it.
  if (state.lastSeenAt.getTime() < now.getTime() - TOUCH_EVERY_MS) {
    await touchSession(db, id, now);
    state.lastSeenAt = now;
  }
  // A copy: a request's principal is its own.
  return { ...state.principal, grants: [...state.principal.grants] };
}
