/** Gives an account a role on a unit (one person may hold several). */
import { canAssignRoleOn, DomainError, ROLE_DEFINITIONS, term } from '@fupin/domain';
import type { AssignRoleInput, User } from '@fupin/domain/schemas/users';
import { and, eq, isNull } from 'drizzle-orm';
import { roleAssignments } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getUnit, tenantOfUnit } from '../../org/repository';
import { getUserRow, loadUserViews } from '../repository';

export async function assignRole(ctx: CommandContext, input: AssignRoleInput & { userId: string }): Promise<User> {
  const { tx, now } = ctx;
  const user = await getUserRow(tx, input.userId);
  const unit = await getUnit(tx, input.unitId);
  if (!canAssignRoleOn(input.role, unit.kind)) {
    const params = { role: term(`role.${input.role}`), kind: term(`kind.${unit.kind}`) };
    throw new DomainError('ROLE_NOT_ASSIGNABLE', params, [{ path: 'unitId', key: 'ROLE_NOT_ASSIGNABLE', params }]);
  }
  const needsSector = ROLE_DEFINITIONS[input.role].needsSector === true;
  if (needsSector && !input.sector)
    throw new DomainError('ROLE_SECTOR_REQUIRED', {}, [{ path: 'sector', key: 'ROLE_SECTOR_REQUIRED' }]);
  const sector = needsSector ? input.sector : null;

  const [sameId] = await tx.select().from(roleAssignments).where(eq(roleAssignments.id, input.id)).limit(1);
  if (sameId) {
    const same = sameId.userId === user.id && sameId.role === input.role && sameId.unitId === unit.id && sameId.sector === sector;
    if (!same) throw new DomainError('IDEMPOTENCY_CONFLICT');
    return (await loadUserViews(tx, [user.id], now))[0] as User;
  }
  const [duplicate] = await tx
    .select({ id: roleAssignments.id })
    .from(roleAssignments)
    .where(
      and(
        eq(roleAssignments.userId, user.id),
        eq(roleAssignments.role, input.role),
        eq(roleAssignments.unitId, unit.id),
        sector === null ? isNull(roleAssignments.sector) : eq(roleAssignments.sector, sector),
      ),
    )
    .limit(1);
  if (!duplicate) {
    const row = { id: input.id, userId: user.id, role: input.role, unitId: unit.id, sector, title: input.title, createdAt: now };
    await tx.insert(roleAssignments).values(row);
    await ctx.audit.record({
      townshipId: tenantOfUnit(unit),
      entityType: 'role_assignment',
      entityId: row.id,
      action: 'create',
      unitId: unit.id,
      after: { ...row, username: user.username },
    });
  }
  return (await loadUserViews(tx, [user.id], now))[0] as User;
}
