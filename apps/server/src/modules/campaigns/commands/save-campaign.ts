/** Creates a year's campaign with the default calendar, or changes its phases' dates. */
import { checkPhases, DomainError, defaultPhases, type Phase } from '@fupin/domain';
import { and, eq } from 'drizzle-orm';
import { campaigns } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { getCampaign } from '../repository';

function assertPhases(phases: Phase[]): void {
  const problems = checkPhases(phases);
  if (problems.length)
    throw new DomainError(
      'VALIDATION_FAILED',
      {},
      problems.map((p) => ({ path: p.path, key: p.key })),
    );
}

export async function createCampaign(
  ctx: CommandContext,
  input: { id: string; townshipId: string; year: number; name: string; phases?: Phase[] },
) {
  const [existing] = await ctx.tx
    .select()
    .from(campaigns)
    .where(and(eq(campaigns.townshipId, input.townshipId), eq(campaigns.year, input.year)));
  if (existing) {
    if (existing.id !== input.id) throw new DomainError('DUPLICATE');
    return existing;
  }
  const phases = input.phases ?? defaultPhases(input.year);
  assertPhases(phases);
  const row = {
    townshipId: input.townshipId,
    id: input.id,
    year: input.year,
    name: input.name,
    phases,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await ctx.tx.insert(campaigns).values(row);
  await ctx.audit.record({
    townshipId: input.townshipId,
    entityType: 'campaign',
    entityId: input.id,
    action: 'create',
    unitId: input.townshipId,
    after: row,
  });
  return row;
}

export async function updateCampaign(ctx: CommandContext, input: { id: string; name: string; phases: Phase[] }) {
  const before = await getCampaign(ctx.tx, input.id);
  assertPhases(input.phases);
  const [row] = await ctx.tx
    .update(campaigns)
    .set({ name: input.name, phases: input.phases, updatedAt: ctx.now })
    .where(and(eq(campaigns.townshipId, before.townshipId), eq(campaigns.id, before.id)))
    .returning();
  await ctx.audit.record({
    townshipId: before.townshipId,
    entityType: 'campaign',
    entityId: before.id,
    action: 'update',
    unitId: before.townshipId,
    before,
    after: row,
  });
  return row;
}
