/** Where the visit pages work: the signed-in person, the unit of their role, and the campaign of its township. */
import { type Permission, reachOf } from '@fupin/domain';
import { useMe } from '../auth/api';
import { useCurrentCampaign, useVisitTasks } from './api';

/** The unit of the person's first role granting a permission (a cadre's village, the office's township). */
export function useRoleUnit(permission: Permission): { unitId: string | null; unitKind: string | null } {
  const me = useMe();
  const role = (me.data?.user.roles ?? []).find((r) => reachOf(r.role, permission) !== undefined);
  return { unitId: role?.unitId ?? null, unitKind: role?.unitKind ?? null };
}

export function useVisitCampaign(permission: Permission) {
  const me = useMe();
  const { unitId, unitKind } = useRoleUnit(permission);
  const userId = me.data?.user.id ?? null;
  const campaign = useCurrentCampaign(unitId, userId);
  return { userId, unitId, unitKind, campaign };
}

/** The person's campaign and tasks (the phone's copy when there is no network). */
export function useMyVisits() {
  const { userId, campaign } = useVisitCampaign('visit.submit');
  const tasks = useVisitTasks(campaign.data?.id, userId ?? undefined);
  return { userId, campaign, tasks };
}
