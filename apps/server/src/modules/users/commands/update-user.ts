/** Edits an account: name, phone, home unit, 派出单位, or disables it (which ends its sessions). */
import { DomainError } from '@fupin/domain';
import type { UpdateUserInput, User } from '@fupin/domain/schemas/users';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { tenantOfUnitId } from '../../org/repository';
import { assertWorkUnitFits } from '../../work-units/repository';
import { auditViewOfUser, getUserRow, loadUserViews, revokeSessionsOf } from '../repository';

export async function updateUser(ctx: CommandContext, input: { id: string; patch: UpdateUserInput }): Promise<User> {
  const { tx, now } = ctx;
  const before = await getUserRow(tx, input.id);
  const { patch } = input;
  if (patch.disabled === true && input.id === ctx.actor.userId) throw new DomainError('SELF_LOCKOUT');
  const disabling = patch.disabled === true && before.disabledAt === null;
  // A move to another township's unit needs a sending unit of that township (or none).
  if (patch.workUnitId !== undefined || patch.homeUnitId !== undefined)
    await assertWorkUnitFits(
      tx,
      patch.workUnitId !== undefined ? patch.workUnitId : before.workUnitId,
      patch.homeUnitId ?? before.homeUnitId,
    );
  const [row] = await tx
    .update(users)
    .set({
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
      ...(patch.homeUnitId !== undefined ? { homeUnitId: patch.homeUnitId } : {}),
      ...(patch.workUnitId !== undefined ? { workUnitId: patch.workUnitId } : {}),
      ...(patch.disabled !== undefined ? { disabledAt: patch.disabled ? (before.disabledAt ?? now) : null } : {}),
      updatedAt: now,
    })
    .where(eq(users.id, input.id))
    .returning();
  if (!row) throw new Error('update returned nothing');
  if (disabling) await revokeSessionsOf(tx, row.id, now);
  await ctx.audit.record({
    townshipId: await tenantOfUnitId(tx, row.homeUnitId),
    entityType: 'user',
    entityId: row.id,
    action: disabling ? 'disable' : 'update',
    unitId: row.homeUnitId,
    before: auditViewOfUser(before),
    after: auditViewOfUser(row),
  });
  return (await loadUserViews(tx, [row.id], now))[0] as User;
}
