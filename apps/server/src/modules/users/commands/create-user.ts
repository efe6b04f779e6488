/** Creates an account with an initial password that must be changed at first login. */
import { checkPassword, DomainError, term } from '@fupin/domain';
import type { CreateUserInput, User } from '@fupin/domain/schemas/users';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { hashPassword } from '../../auth/passwords';
import { tenantOfUnitId } from '../../org/repository';
import { assertWorkUnitFits } from '../../work-units/repository';
import { auditViewOfUser, findUserByUsername, loadUserViews } from '../repository';

/**
 * `passwordHash`: the password already hashed (a roster hashes its accounts' passwords before its
 * transaction, so a long one does not hold the database while it does).
 */
export async function createUser(ctx: CommandContext, input: CreateUserInput & { passwordHash?: string }): Promise<User> {
  const { tx, now } = ctx;
  const username = input.username.toLowerCase();
  const [existing] = await tx.select().from(users).where(eq(users.id, input.id)).limit(1);
  if (existing) {
    if (existing.username !== username) throw new DomainError('IDEMPOTENCY_CONFLICT');
    return (await loadUserViews(tx, [existing.id], now))[0] as User;
  }
  if (await findUserByUsername(tx, username)) {
    throw new DomainError('USERNAME_TAKEN', { username }, [{ path: 'username', key: 'USERNAME_TAKEN', params: { username } }]);
  }
  assertStrongPassword(input.password, username, 'password');
  await assertWorkUnitFits(tx, input.workUnitId, input.homeUnitId);
  const [row] = await tx
    .insert(users)
    .values({
      id: input.id,
      username,
      displayName: input.displayName,
      phone: input.phone,
      homeUnitId: input.homeUnitId,
      workUnitId: input.workUnitId,
      passwordHash: input.passwordHash ?? (await hashPassword(input.password)),
      mustChangePassword: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  if (!row) throw new Error('insert returned nothing');
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(tx, row.homeUnitId),
    entityType: 'user',
    entityId: row.id,
    action: 'create',
    unitId: row.homeUnitId,
    after: auditViewOfUser(row),
  });
  return (await loadUserViews(tx, [row.id], now))[0] as User;
}

/** Refuses a password that breaks the rules, naming the field. */
export function assertStrongPassword(password: string, username: string, field: string): void {
  const problem = checkPassword(password, username);
  if (problem) {
    throw new DomainError('PASSWORD_WEAK', { reason: term(`password.${problem}`) }, [
      { path: field, key: `password.${problem}` },
    ]);
  }
}
