/** A household as a reader sees it on its page: names of places, members, pairings, flags, masking. */
import type { Grant, Household } from '@fupin/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { units } from '../../db/schema/index';
import { canEditHousehold, showsIdNumbers } from './access';
import { presentHousehold } from './present';
import { flagsOf, type HouseholdRow, membersOf, pairingsOf } from './repository';

export async function householdView(
  db: Db,
  grants: readonly Grant[],
  userId: string,
  h: HouseholdRow,
  today: string,
): Promise<Household> {
  const [village] = await db.select({ name: units.name }).from(units).where(eq(units.id, h.villageId));
  const [group] = h.groupId ? await db.select({ name: units.name }).from(units).where(eq(units.id, h.groupId)) : [];
  return presentHousehold(h, {
    members: await membersOf(db, h.townshipId, h.id),
    pairings: await pairingsOf(db, h.townshipId, h.id),
    flags: await flagsOf(db, h.townshipId, h.id),
    villageName: village?.name ?? '',
    groupName: group?.name ?? null,
    showIds: await showsIdNumbers(db, grants, userId, h),
    canEdit: await canEditHousehold(db, grants, h),
    today,
  });
}
