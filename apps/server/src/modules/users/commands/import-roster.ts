/**
 * Imports a checked 帮扶干部花名册 in one transaction: the 派出单位 it names that the township lacks,
 * an account for each new mobile (login name = mobile, the batch's initial password, changed at
 * first login), the name and 派出单位 of accounts that exist, a cadre role on each village of the
 * row's households (on the township when it has none), and the pairings. Each step goes through
 * the use case that does it alone, so the checks and the audit records are the same.
 */
import { randomUUID } from 'node:crypto';
import type { RosterResult } from '@fupin/domain/schemas/users';
import { eq } from 'drizzle-orm';
import { workUnits } from '../../../db/schema/index';
import type { CommandContext } from '../../../lib/command';
import { pairCadre } from '../../households/commands/pair-cadre';
import { createWorkUnit } from '../../work-units/commands/create-work-unit';
import { getUserRow } from '../repository';
import type { RosterLine } from '../roster/read-roster';
import { assignRole } from './assign-role';
import { createUser } from './create-user';
import { updateUser } from './update-user';

export async function importRoster(
  ctx: CommandContext,
  /** `passwordHashes`: one per new account (a line without userId), in order, hashed from `password` */
  input: { townshipId: string; password: string; passwordHashes: readonly string[]; today: string; lines: readonly RosterLine[] },
): Promise<RosterResult> {
  const { tx } = ctx;
  const { townshipId } = input;
  const result: RosterResult = { rows: input.lines.length, created: 0, updated: 0, workUnitsCreated: 0, pairingsAdded: 0 };

  const unitIds = new Map(
    (await tx.select({ id: workUnits.id, name: workUnits.name }).from(workUnits).where(eq(workUnits.townshipId, townshipId))).map(
      (u) => [u.name, u.id],
    ),
  );
  for (const name of new Set(input.lines.flatMap((l) => (l.workUnit ? [l.workUnit] : [])))) {
    if (unitIds.has(name)) continue;
    const unit = await createWorkUnit(ctx, {
      id: randomUUID(),
      townshipId,
      name,
      headName: null,
      headTitle: null,
      headPhone: null,
      sortOrder: 0,
    });
    unitIds.set(name, unit.id);
    result.workUnitsCreated++;
  }

  for (const line of input.lines) {
    const workUnitId = line.workUnit ? (unitIds.get(line.workUnit) ?? null) : null;
    let userId = line.userId;
    if (userId) {
      const before = await getUserRow(tx, userId);
      const patch = {
        ...(before.displayName !== line.name ? { displayName: line.name } : {}),
        ...(before.phone !== line.mobile ? { phone: line.mobile } : {}),
        // A blank 派出单位 leaves the account's as it is.
        ...(workUnitId && before.workUnitId !== workUnitId ? { workUnitId } : {}),
      };
      if (Object.keys(patch).length) await updateUser(ctx, { id: userId, patch });
      result.updated++;
    } else {
      userId = randomUUID();
      await createUser(ctx, {
        id: userId,
        username: line.mobile,
        displayName: line.name,
        phone: line.mobile,
        homeUnitId: townshipId,
        workUnitId,
        password: input.password,
        passwordHash: input.passwordHashes[result.created],
      });
      result.created++;
    }
    const villages = [...new Set(line.pairs.map((p) => p.villageId))];
    for (const unitId of villages.length ? villages : [townshipId])
      await assignRole(ctx, { id: randomUUID(), userId, role: 'cadre', unitId, sector: null, title: null });
    for (const pair of line.pairs)
      if (await pairCadre(ctx, { townshipId, householdId: pair.id, cadreId: userId, since: input.today })) result.pairingsAdded++;
  }
  return result;
}
