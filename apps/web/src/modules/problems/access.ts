/** Who reads what of the inspection pages, from the person's roles (pure: the menu uses it too). */
import { type Permission, reachOf } from '@fupin/domain';
import type { Me } from '@fupin/domain/schemas/users';

/** Whether the person reads a whole township (or county): the meeting, the overview. */
export function readsTownship(me: Me | undefined, permission: Permission = 'problem.read'): boolean {
  return (me?.user.roles ?? []).some(
    (r) => (r.unitKind === 'township' || r.unitKind === 'county') && reachOf(r.role, permission) === 'subtree',
  );
}

/** Whether the inspection summary (附件5) is the person's: a village submitting it, or the township reading all. */
export function readsSummaries(me: Me): boolean {
  return me.permissions.includes('summary.submit') || readsTownship(me);
}
