/** Who reads what of the competition, from the person's roles (pure: the menu uses it too). */
import { reachOf } from '@fupin/domain';
import type { Me } from '@fupin/domain/schemas/users';

/** Whether the person reads the competition other than as a judge (a judge reads only their tasks' villages). */
export function readsCompetition(me: Me): boolean {
  return me.user.roles.some((r) => r.role !== 'judge' && reachOf(r.role, 'competition.read') !== undefined);
}
