/**
 * Sessions: a random token in an HTTP-only, SameSite=Strict cookie; the database keeps only
 * its SHA-256, so a copy of the table cannot be replayed. A session ends when revoked, when idle
 * too long, or at its absolute expiry.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config';
import { findSessionWithUser, loadGrants, type Principal, touchSession } from './repository';

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

/** The person behind a request, or null when the cookie is absent, unknown, revoked or expired. */
export async function authenticate(req: FastifyRequest): Promise<Principal | null> {
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return null;
  const { database, clock, config } = req.server.deps;
  const id = sessionIdOf(token);
  const found = await findSessionWithUser(database.db, id);
  if (!found) return null;
  const now = clock.now();
  const { session, user } = found;
  const idleLimit = new Date(session.lastSeenAt.getTime() + config.SESSION_IDLE_HOURS * 3_600_000);
  if (session.revokedAt || session.expiresAt <= now || idleLimit <= now || user.disabledAt) return null;
  await touchSession(database.db, id, now);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    homeUnitId: user.homeUnitId,
    mustChangePassword: user.mustChangePassword,
    sessionId: id,
    grants: await loadGrants(database.db, user.id),
  };
}
