/** Takes a role away; an administrator cannot take away their own administration. */
import { DomainError, term } from '@fupin/domain';
import type { User } from '@fupin/domain/schemas/users';
import { eq } from 'drizzle-orm';
import { roleAssignments } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getUnit, tenantOfUnit } from '../../org/repository';
import { loadUserViews } from '../repository';

const ADMIN_ROLES = new Set(['township_admin', 'county_admin']);

export async function removeRole(ctx: CommandContext, input: { userId: string; assignmentId: string }): Promise<User> {
  const { tx, now } = ctx;
  const [row] = await tx.select().from(roleAssignments).where(eq(roleAssignments.id, input.assignmentId)).limit(1);
  if (!row || row.userId !== input.userId) throw new DomainError('NOT_FOUND', { entity: term('entity.role_assignment') });
  if (row.userId === ctx.actor.userId && ADMIN_ROLES.has(row.role)) throw new DomainError('SELF_LOCKOUT');
  await tx.delete(roleAssignments).where(eq(roleAssignments.id, row.id));
  const unit = await getUnit(tx, row.unitId);
  await ctx.audit.record({
    townshipId: tenantOfUnit(unit),
    entityType: 'role_assignment',
    entityId: row.id,
    action: 'delete',
    unitId: unit.id,
    before: row,
  });
  return (await loadUserViews(tx, [input.userId], now))[0] as User;
}
