/**
 * Logs in with username and password. Repeated failures lock the account for a while; the
 * failure count must survive the refusal, so this command returns its refusal instead of
 * throwing (a throw would roll the count back with the transaction).
 */
import type { ErrorCode } from '@fupin/domain';
import { eq } from 'drizzle-orm';
import type { Config } from '../../../config';
import { sessions, users } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { tenantOfUnitId } from '../../org/repository';
import { findUserByUsername } from '../../users/repository';
import { verifyAgainstNothing, verifyPassword } from '../passwords';
import { newSessionToken } from '../session';

export interface LogInInput {
  username: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
  config: Pick<Config, 'LOGIN_MAX_FAILURES' | 'LOGIN_LOCK_MINUTES' | 'SESSION_MAX_HOURS'>;
}

export type LogInResult =
  | { ok: true; token: string; userId: string; expiresAt: Date; mustChangePassword: boolean }
  | { ok: false; code: ErrorCode; params?: Record<string, number> };

export async function logIn(ctx: CommandContext, input: LogInInput): Promise<LogInResult> {
  const { tx, now, config } = { ...ctx, config: input.config };
  const user = await findUserByUsername(tx, input.username.trim());
  if (!user) {
    await verifyAgainstNothing(input.password);
    return { ok: false, code: 'INVALID_CREDENTIALS' };
  }
  const tenant = await tenantOfUnitId(tx, user.homeUnitId);
  const audit = (action: string, after: Record<string, unknown>) =>
    ctx.audit.record({
      townshipId: tenant,
      entityType: 'session',
      entityId: user.id,
      action,
      unitId: user.homeUnitId,
      after,
      actor: { userId: user.id, name: user.displayName },
    });

  if (user.lockedUntil && user.lockedUntil > now) {
    const minutes = Math.ceil((user.lockedUntil.getTime() - now.getTime()) / 60_000);
    return { ok: false, code: 'ACCOUNT_LOCKED', params: { minutes } };
  }
  const passwordOk = await verifyPassword(user.passwordHash, input.password);
  if (!passwordOk) {
    const failures = user.failedLogins + 1;
    const lock = failures >= config.LOGIN_MAX_FAILURES;
    const lockedUntil = lock ? new Date(now.getTime() + config.LOGIN_LOCK_MINUTES * 60_000) : null;
    await tx
      .update(users)
      .set({ failedLogins: lock ? 0 : failures, lockedUntil })
      .where(eq(users.id, user.id));
    await audit(lock ? 'lock' : 'login_failed', { failedLogins: failures, lockedUntil, ip: input.ip });
    return lock
      ? { ok: false, code: 'ACCOUNT_LOCKED', params: { minutes: config.LOGIN_LOCK_MINUTES } }
      : { ok: false, code: 'INVALID_CREDENTIALS' };
  }
  if (user.disabledAt) return { ok: false, code: 'ACCOUNT_DISABLED' };

  const { token, id } = newSessionToken();
  const expiresAt = new Date(now.getTime() + config.SESSION_MAX_HOURS * 3_600_000);
  await tx.insert(sessions).values({
    id,
    userId: user.id,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  await tx.update(users).set({ failedLogins: 0, lockedUntil: null, lastLoginAt: now }).where(eq(users.id, user.id));
  await audit('login', { ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null });
  return { ok: true, token, userId: user.id, expiresAt, mustChangePassword: user.mustChangePassword };
}
