/** Records an uploaded file as an import waiting to be read. */
import { DomainError } from '@fupin/domain';
import { imports } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getUnit, tenantOfUnit } from '../../org/repository';

export async function startImport(ctx: CommandContext, input: { id: string; unitId: string; fileName: string; userId: string }) {
  const unit = await getUnit(ctx.tx, input.unitId);
  if (unit.kind !== 'township' && unit.kind !== 'village') throw new DomainError('FORBIDDEN');
  const townshipId = tenantOfUnit(unit);
  const row = {
    townshipId,
    id: input.id,
    unitId: unit.id,
    fileName: input.fileName.slice(0, 200),
    status: 'reading' as const,
    createdBy: input.userId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.tx.insert(imports).values(row);
  await ctx.audit.record({
    townshipId,
    entityType: 'import',
    entityId: input.id,
    action: 'upload',
    unitId: unit.id,
    after: { fileName: row.fileName },
  });
  return { townshipId, unit };
}
